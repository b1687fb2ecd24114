import { writeFile } from "node:fs/promises";
import { data } from "date-holidays/data";
import { publicHolidayData, type HolidaySource } from "./public-holidays-data.ts";

/**
 * `npm run holidays`: writes the public holidays booking uses from the installed date-holidays
 * (after an upgrade of it, or a new country in `holidayCountries`). A test fails while the
 * written file differs from what this would write.
 */
const target = new URL("../core/booking/public-holidays.data.json", import.meta.url);
await writeFile(target, `${JSON.stringify(publicHolidayData(data as HolidaySource), null, 2)}\n`);
console.log(`Wrote ${target.pathname}`);
