import { isLinked, type LinkableFiles } from "../../core/kernel/files/links.ts";
import type { KeptFile } from "./components/files/use-uploads.ts";

/**
 * The uploads a refused form was to take that can still go with it: the form hands them back to
 * its file field (web/kernel/components/files/FileAttacher.tsx), so nothing uploaded is lost.
 */
export async function keptFiles(
  files: LinkableFiles,
  uploaderId: string,
  form: FormData,
  max: number,
): Promise<KeptFile[]> {
  const ids = [...new Set(form.getAll("file").map(String))].slice(0, max);
  if (ids.length === 0) return [];
  const found = await files.finishedOf(uploaderId, ids);
  return found.filter((file) => !isLinked(file)).map(({ id, name, size }) => ({ id, name, size }));
}
