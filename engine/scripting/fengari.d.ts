/** fengari ships no type declarations; the engine uses its C-like API through these loose types. */
declare module "fengari" {
  const fengari: any;
  export default fengari;
}
declare module "fengari/src/lobject.js" {
  const lobject: any;
  export default lobject;
}
declare module "fengari/src/lstring.js" {
  const lstring: any;
  export default lstring;
}
declare module "fengari/src/ldo.js" {
  const ldo: any;
  export default ldo;
}
