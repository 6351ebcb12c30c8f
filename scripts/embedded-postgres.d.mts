export function freePort(): Promise<number>;
export function freePorts(n: number): Promise<number[]>;
export function portInUse(port: number): Promise<boolean>;
export function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  durable?: boolean;
  onLog?: (message: string) => void;
}): Promise<{ url: string; port: number; dataDir: string; stop: () => Promise<void> }>;
