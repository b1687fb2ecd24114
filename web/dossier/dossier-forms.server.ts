import { z } from "zod";
import { id, many } from "../kernel/forms.server.ts";

/** The admin's care team of one client: the ticked staff members. */
export const careTeamForm = z.object({ coach: many(id("user", "users.coachUnknown")) });
