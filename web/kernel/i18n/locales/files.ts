/** Texts of uploading files, for every page that takes them; Dutch first. */
const nl = {
  choose: "Bestanden kiezen",
  limit: "Hoogstens {{count}} bestanden, elk tot {{mb}} MB.",
  progress: "{{name}}: {{percent}}%",
  done: "{{name}} is toegevoegd.",
  attached: "{{name}} ({{size}}) gaat mee.",
  retry: "Opnieuw proberen",
  view: "{{name}} bekijken",
  download: "{{name}} downloaden",
  downloadShort: "Downloaden",
  remove: "Weghalen",
  removeLabel: "{{name}} weghalen",
  failed: "{{name}}: {{reason}}",
  chosen: {
    tooMany: "Kies hoogstens {{max}} bestanden.",
    unknown: "Een bestand is niet (meer) beschikbaar. Voeg het opnieuw toe.",
    taken:
      "Een bestand is niet (meer) beschikbaar. Voeg het opnieuw toe. Het ging al mee met een ander bericht of document.",
    busy: "Wacht tot alle bestanden zijn geüpload.",
  },
  errors: {
    name_unsafe: "Deze bestandsnaam kan niet: geen mappen, stuurtekens of gereserveerde namen.",
    type_not_allowed: "Dit soort bestand wordt hier niet aangenomen.",
    empty: "Het bestand is leeg.",
    type_mismatch: "De inhoud van het bestand past niet bij de naam.",
    too_large: "Het bestand is groter dan toegestaan.",
    over_quota: "De opslag van dit portaal is vol. Neem contact op met de beheerder.",
    upload_incomplete: "Niet alle delen kwamen aan. Probeer het opnieuw.",
    part_invalid: "Een deel kwam niet goed aan. Probeer het opnieuw.",
    not_found: "Deze upload bestaat niet (meer).",
    file_taken: "Dit bestand hoort al bij een ander document of bericht.",
    network: "De verbinding viel weg. Probeer het opnieuw; wat al aankwam blijft bewaard.",
  },
};

const en: typeof nl = {
  choose: "Choose files",
  limit: "At most {{count}} files, each up to {{mb}} MB.",
  progress: "{{name}}: {{percent}}%",
  done: "{{name}} was added.",
  attached: "{{name}} ({{size}}) goes with it.",
  retry: "Try again",
  view: "View {{name}}",
  download: "Download {{name}}",
  downloadShort: "Download",
  remove: "Remove",
  removeLabel: "Remove {{name}}",
  failed: "{{name}}: {{reason}}",
  chosen: {
    tooMany: "Choose at most {{max}} files.",
    unknown: "A file is no longer available. Please add it again.",
    taken:
      "A file is no longer available. Please add it again. It already went with another message or document.",
    busy: "Wait until every file is uploaded.",
  },
  errors: {
    name_unsafe: "This file name cannot be used: no folders, control characters or reserved names.",
    type_not_allowed: "This kind of file is not accepted here.",
    empty: "The file is empty.",
    type_mismatch: "The file's content does not match its name.",
    too_large: "The file is larger than allowed.",
    over_quota: "This portal's storage is full. Please contact the administrator.",
    upload_incomplete: "Not all parts arrived. Please try again.",
    part_invalid: "A part did not arrive correctly. Please try again.",
    not_found: "This upload does not exist (any more).",
    file_taken: "This file already belongs to another document or message.",
    network: "The connection dropped. Please try again; what arrived is kept.",
  },
};

export const filesMessages = { nl, en };
