// typed-headers/node: the node:http and Express adapter, apart from the main entry point so that
// the core's type declarations need no Node types.

export { nodeCors } from "../cors/node-adapter.js";
