// Public entry of the OT SDK (ES module build). The helper building issue 4 replaces this.
export const version = '0.1.0';
