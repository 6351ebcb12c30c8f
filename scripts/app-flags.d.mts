export declare const APP_NODE_FLAGS: string[];
