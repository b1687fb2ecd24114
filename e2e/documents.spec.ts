import { expect, signIn, test, waitForHydration } from "./fixtures.ts";
import { pdf } from "./files.ts";
import { tenantUrl } from "./hosts.ts";

/** Each project uploads as its own demo client, with names of its own run. */
const clientOf: Record<string, string> = {
  desktop: "sanne.visser@example.nl",
  phone: "daan.mulder@example.nl",
};

test("a client drops two files, sees each one's progress and both listed, and opens the PDF inline", async ({
  page,
}, testInfo) => {
  await signIn(page, "coaching", clientOf[testInfo.project.name]);
  await page.goto(tenantUrl("coaching", "/documents"));
  await waitForHydration(page);
  const run = `${testInfo.project.name}-${Date.now()}`;
  const names = [`werkboek-${run}.pdf`, `notities-${run}.txt`];
  // A PDF of two parts (parts are 10 MiB) and a small text file, dropped together.
  const dataTransfer = await page.evaluateHandle(
    ([pdfText, pdfName, textName]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([pdfText!], pdfName!, { type: "application/pdf" }));
      transfer.items.add(new File(["Vragen voor de volgende sessie\n"], textName!, { type: "text/plain" }));
      return transfer;
    },
    [pdf(11 * 1024 * 1024), names[0], names[1]],
  );
  await page.getByTestId("dropzone").dispatchEvent("drop", { dataTransfer });
  for (const name of names) await expect(page.getByText(`${name}: `).first()).toBeVisible();
  await expect(page.locator(".upload-list progress")).toHaveCount(2);
  for (const name of names)
    await expect(page.getByText(`${name} is toegevoegd.`)).toBeVisible({ timeout: 30_000 });
  const listed = page.locator(".document-list li", { hasText: names[0]! });
  await expect(listed).toBeVisible();
  await expect(page.locator(".document-list li", { hasText: names[1]! })).toBeVisible();

  const responded = page.context().waitForEvent("response", (r) => r.url().includes("/download?view=inline"));
  const [viewer] = await Promise.all([
    page.waitForEvent("popup"),
    listed.getByRole("link", { name: "Bekijken" }).click(),
  ]);
  const headers = await (await responded).allHeaders();
  expect(headers["content-security-policy"]).toContain("sandbox");
  expect(headers["content-type"]).toBe("application/pdf");
  // Chromium's PDF viewer renders the document: its frame is there under the sandboxing policy.
  await expect
    .poll(() => viewer.frames().some((frame) => frame.url().startsWith("chrome-extension://")), {
      timeout: 10_000,
    })
    .toBe(true);
});
