/** A real one-page PDF of `size` bytes, padded with a comment: what the portal's content check accepts. */
export const pdf = (size = 1_000) => {
  const page =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n%";
  return page + " ".repeat(Math.max(0, size - page.length));
};

/** A file for `setInputFiles`. */
export const pdfFile = (name: string, size?: number) => ({
  name,
  mimeType: "application/pdf",
  buffer: Buffer.from(pdf(size)),
});
