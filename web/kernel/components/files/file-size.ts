const megabyte = 1024 * 1024;

/** A file's size as people read it: kilobytes below a megabyte, else megabytes with one decimal. */
export function fileSize(bytes: number, locale: string): string {
  const large = bytes >= megabyte;
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: large ? "megabyte" : "kilobyte",
    maximumFractionDigits: large ? 1 : 0,
  }).format(large ? bytes / megabyte : Math.max(1, Math.round(bytes / 1024)));
}
