// esbuild's text loader turns a .css import into its contents (see web/build.mjs).
declare module '*.css' {
  const text: string;
  export default text;
}
