import type { OrganisationRole, Role } from "../../../core/kernel/auth/permissions.ts";
import type { TenantSettings } from "../../../core/kernel/tenants/settings.ts";

/**
 * Five demo tenants after the five portals in the seed manuals, so a newcomer sees at once how
 * one Portaal serves a coaching practice, a mental-health practice, home care, a B2B care partner
 * and a software vendor's support desk.
 */

/**
 * Every demo account signs in with this password (local demo data only; `npm start` prints it).
 * It meets every demo tenant's password rules.
 */
export const demoPassword = "Portaal-demo-2026";

/**
 * The demo accounts are shared by everyone who tries the demo, so they cannot each hold one
 * person's authenticator: the demo tenants ask no second factor of any role. Anyone can still
 * set one up under "Mijn account"; a tenant made with `npm run tenant` gets the real default
 * (staff and admins must).
 */
export const demoSecondFactor: TenantSettings["secondFactor"] = { required: [] };

export type DemoUser = {
  email: string;
  displayName: string;
  role: Role;
  timeZone?: string;
  language?: "nl" | "en";
  /** The letter flow of seed 003: a temporary password to be replaced at first sign-in. */
  mustChangePassword?: boolean;
};

export type DemoTenant = {
  slug: string;
  name: string;
  cell: string;
  planId: string;
  hostnames: string[];
  settings: Partial<TenantSettings>;
  logo: { initials: string };
  users: DemoUser[];
  /** Each client's care team, by address: client -> the staff who work with them. */
  careTeams: Record<string, string[]>;
  /** Client organisations and the roles of their people there, by address. */
  organisations?: { name: string; members: Record<string, OrganisationRole> }[];
};

export const demoTenants: DemoTenant[] = [
  {
    slug: "coaching",
    name: "Koers Coaching",
    cell: "TENANT_DB_1",
    planId: "begeleiding",
    hostnames: ["mijn.koerscoaching.nl"],
    logo: { initials: "KC" },
    settings: {
      defaultLanguage: "nl",
      primaryColour: "#0f5f5c",
      accentColour: "#8a4b08",
      terminology: {
        nl: { client: "coachee", clients: "coachees" },
        en: { client: "coachee", clients: "coachees" },
      },
      welcome: {
        nl: "Fijn dat je er bent. Hier werk je samen met je coach aan je opdrachten en doelen.",
        en: "Good to see you. This is where you work with your coach on your assignments and goals.",
      },
    },
    users: [
      { email: "marieke.jansen@koerscoaching.nl", displayName: "Marieke Jansen", role: "admin" },
      { email: "anouk.devries@koerscoaching.nl", displayName: "Anouk de Vries", role: "staff" },
      { email: "jeroen.bakker@koerscoaching.nl", displayName: "Jeroen Bakker", role: "staff" },
      { email: "sanne.visser@example.nl", displayName: "Sanne Visser", role: "client" },
      { email: "daan.mulder@example.nl", displayName: "Daan Mulder", role: "client" },
      {
        email: "fatima.elamrani@example.com",
        displayName: "Fatima El Amrani",
        role: "client",
        timeZone: "America/New_York",
        language: "en",
      },
    ],
    careTeams: {
      "sanne.visser@example.nl": ["anouk.devries@koerscoaching.nl"],
      "daan.mulder@example.nl": ["anouk.devries@koerscoaching.nl"],
      "fatima.elamrani@example.com": ["jeroen.bakker@koerscoaching.nl", "anouk.devries@koerscoaching.nl"],
    },
  },
  {
    slug: "ggz",
    name: "Praktijk Lichtpunt",
    cell: "TENANT_DB_2",
    planId: "begeleiding",
    hostnames: [],
    logo: { initials: "LP" },
    settings: {
      defaultLanguage: "nl",
      primaryColour: "#5b3f8c",
      accentColour: "#1d6b57",
      terminology: {
        nl: {
          coach: "behandelaar",
          coaches: "behandelaars",
          assignment: "huiswerkopdracht",
          assignments: "huiswerkopdrachten",
        },
        en: {
          coach: "practitioner",
          coaches: "practitioners",
          assignment: "homework task",
          assignments: "homework tasks",
        },
      },
      crisisNotice: {
        nl: "Voel je je onveilig of denk je aan zelfmoord? Bel direct 113 (gratis via 0800-0113) of bij acuut gevaar 112. Buiten kantooruren kun je ook de huisartsenpost bellen.",
        en: "Do you feel unsafe or are you thinking about suicide? Call 113 now (free via 0800-0113), or 112 in acute danger. Outside office hours you can also call the out-of-hours GP service.",
      },
    },
    users: [
      { email: "eva.smit@lichtpunt.nl", displayName: "Eva Smit", role: "admin" },
      { email: "thomas.vandijk@lichtpunt.nl", displayName: "Thomas van Dijk", role: "staff" },
      { email: "lotte.deboer@example.nl", displayName: "Lotte de Boer", role: "client" },
      { email: "youssef.haddad@example.nl", displayName: "Youssef Haddad", role: "client" },
      {
        email: "emma.lindqvist@example.com",
        displayName: "Emma Lindqvist",
        role: "client",
        timeZone: "Asia/Tokyo",
        language: "en",
      },
    ],
    careTeams: {
      "lotte.deboer@example.nl": ["thomas.vandijk@lichtpunt.nl"],
      "youssef.haddad@example.nl": ["thomas.vandijk@lichtpunt.nl"],
      "emma.lindqvist@example.com": ["thomas.vandijk@lichtpunt.nl"],
    },
  },
  {
    slug: "thuiszorg",
    name: "Thuiszorg De Linde",
    cell: "TENANT_DB_1",
    planId: "zorg",
    hostnames: [],
    logo: { initials: "DL" },
    settings: {
      defaultLanguage: "nl",
      primaryColour: "#9e1b32",
      accentColour: "#3a5a1f",
      // Seed 003: a capital, a digit and a special character other than '?'.
      passwordPolicy: { minLength: 8, requireComposition: true },
      terminology: {
        nl: { coach: "zorgverlener", coaches: "zorgverleners", client: "klant", clients: "klanten" },
        en: { coach: "carer", coaches: "carers", client: "client", clients: "clients" },
      },
      features: {},
      welcome: {
        nl: "Welkom in uw klantportaal. Hier ziet u wanneer wij bij u langskomen en kunt u ons een bericht sturen.",
        en: "Welcome to your client portal. See when we visit you and send us a message.",
      },
    },
    users: [
      { email: "peter.degraaf@delinde.nl", displayName: "Peter de Graaf", role: "admin" },
      { email: "ingrid.kok@delinde.nl", displayName: "Ingrid Kok", role: "staff" },
      {
        email: "henk.vermeulen@example.nl",
        displayName: "Henk Vermeulen",
        role: "client",
        mustChangePassword: true,
      },
      { email: "gerda.hendriks@example.nl", displayName: "Gerda Hendriks", role: "client" },
    ],
    careTeams: {
      "henk.vermeulen@example.nl": ["ingrid.kok@delinde.nl"],
      "gerda.hendriks@example.nl": ["ingrid.kok@delinde.nl"],
    },
  },
  {
    slug: "zorgpartner",
    name: "ZorgPartner Flex",
    cell: "TENANT_DB_2",
    planId: "zakelijk",
    hostnames: ["portaal.zorgpartnerflex.nl"],
    logo: { initials: "ZP" },
    settings: {
      defaultLanguage: "nl",
      primaryColour: "#0b5394",
      accentColour: "#7a4d00",
      terminology: {
        nl: {
          coach: "zorgmanager",
          coaches: "zorgmanagers",
          client: "klant",
          clients: "klanten",
          ticket: "vraag",
          tickets: "vragen",
        },
        en: {
          coach: "care manager",
          coaches: "care managers",
          client: "customer",
          clients: "customers",
          ticket: "question",
          tickets: "questions",
        },
      },
    },
    users: [
      { email: "bas.willems@zorgpartnerflex.nl", displayName: "Bas Willems", role: "admin" },
      { email: "nina.vos@zorgpartnerflex.nl", displayName: "Nina Vos", role: "staff" },
      { email: "linda.brouwer@dehoven.nl", displayName: "Linda Brouwer", role: "client" },
      { email: "kevin.peters@dehoven.nl", displayName: "Kevin Peters", role: "client" },
    ],
    careTeams: {
      "linda.brouwer@dehoven.nl": ["nina.vos@zorgpartnerflex.nl"],
      "kevin.peters@dehoven.nl": ["nina.vos@zorgpartnerflex.nl"],
    },
    // Kevin works for two care homes: he chooses one after signing in and can switch.
    organisations: [
      {
        name: "Zorgcentrum De Hoven",
        members: { "linda.brouwer@dehoven.nl": "admin", "kevin.peters@dehoven.nl": "member" },
      },
      { name: "Woonzorg Het Baken", members: { "kevin.peters@dehoven.nl": "admin" } },
    ],
  },
  {
    slug: "support",
    name: "Helder Zorgsoftware",
    cell: "TENANT_DB_1",
    planId: "zakelijk",
    hostnames: [],
    logo: { initials: "HZ" },
    settings: {
      defaultLanguage: "nl",
      primaryColour: "#2c4a7a",
      accentColour: "#0e6e5c",
      terminology: {
        nl: {
          coach: "supportmedewerker",
          coaches: "supportmedewerkers",
          client: "praktijk",
          clients: "praktijken",
          ticket: "ticket",
          tickets: "tickets",
          organisation: "praktijk",
          organisations: "praktijken",
        },
        en: {
          coach: "support agent",
          coaches: "support agents",
          client: "practice",
          clients: "practices",
          ticket: "ticket",
          tickets: "tickets",
          organisation: "practice",
          organisations: "practices",
        },
      },
      features: { messages: false },
    },
    users: [
      { email: "rick.janssen@helderzorgsoftware.nl", displayName: "Rick Janssen", role: "admin" },
      { email: "sophie.meijer@helderzorgsoftware.nl", displayName: "Sophie Meijer", role: "staff" },
      { email: "femke.vanleeuwen@rijnoever-fysio.nl", displayName: "Femke van Leeuwen", role: "client" },
      { email: "mohamed.bouzid@rijnoever-fysio.nl", displayName: "Mohamed Bouzid", role: "client" },
    ],
    careTeams: {
      "femke.vanleeuwen@rijnoever-fysio.nl": ["sophie.meijer@helderzorgsoftware.nl"],
      "mohamed.bouzid@rijnoever-fysio.nl": ["sophie.meijer@helderzorgsoftware.nl"],
    },
    organisations: [
      {
        name: "Fysiotherapie Rijnoever",
        members: {
          "femke.vanleeuwen@rijnoever-fysio.nl": "admin",
          "mohamed.bouzid@rijnoever-fysio.nl": "member-plus",
        },
      },
    ],
  },
];

/**
 * The demo platform operator, in the operator tenant at `beheer.localhost` (ADR 0010). Like the
 * demo tenants, the demo operator tenant asks no second factor; a real one requires it.
 */
export const demoOperator: DemoUser = {
  email: "operator@portaal.example",
  displayName: "Olivia Operator",
  role: "operator",
};
