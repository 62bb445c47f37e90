/** The tool version `--version` prints and replication bundles record. */
export const TOOL_VERSION = '0.1.0';
