import { seedDemo } from "../db/kernel/seed/seed-demo.ts";
import { withLocalPlatform } from "./local-platform.ts";

const tenants = await withLocalPlatform(seedDemo);
console.log(`Seeded ${tenants.length} demo tenants: ${tenants.map((tenant) => tenant.slug).join(", ")}`);
