import { build, checkNode, ensureInstalled } from './setup.mjs';

checkNode();
ensureInstalled();
build();
