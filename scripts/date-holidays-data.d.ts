/** date-holidays ships no types for its data export; its shape is checked where it is read. */
declare module "date-holidays/data" {
  export const data: unknown;
}
