/**
 * Error page texts, apart from the rest so that an error page can render even when the page data
 * (and with it the language bundle) could not be loaded.
 */
export const errorMessages = {
  nl: {
    notFoundTitle: "Pagina niet gevonden",
    notFoundBody: "Deze pagina bestaat niet (meer) of je hebt er geen toegang toe.",
    forbiddenTitle: "Geen toegang",
    forbiddenBody:
      "Deze pagina is niet voor jouw account. Denk je dat je er wel bij zou moeten kunnen? Vraag het de beheerder.",
    refusedTitle: "Dat lukte niet",
    refusedBody: "Er is niets gewijzigd. Ga terug naar de vorige pagina en probeer het nog een keer.",
    serverErrorTitle: "Er ging iets mis",
    serverErrorBody:
      "Probeer het over een paar minuten opnieuw. Blijft het misgaan, neem dan contact met ons op.",
    backHome: "Naar de startpagina",
    unknownHostTitle: "Deze omgeving bestaat niet",
    unknownHostBody: "Controleer het adres in de adresbalk of gebruik de link uit je uitnodiging.",
    fieldRequired: "Vul dit veld in.",
    fieldTooLong: "Deze tekst is te lang.",
    fieldInvalid: "Deze waarde klopt niet.",
  },
  en: {
    notFoundTitle: "Page not found",
    notFoundBody: "This page does not exist (any more) or you do not have access to it.",
    forbiddenTitle: "No access",
    forbiddenBody:
      "This page is not for your account. Think you should be able to see it? Ask the administrator.",
    refusedTitle: "That did not work",
    refusedBody: "Nothing was changed. Go back to the previous page and try once more.",
    serverErrorTitle: "Something went wrong",
    serverErrorBody: "Please try again in a few minutes. If it keeps failing, contact us.",
    backHome: "Go to the start page",
    unknownHostTitle: "This space does not exist",
    unknownHostBody: "Check the address in the address bar or use the link from your invitation.",
    fieldRequired: "Please fill in this field.",
    fieldTooLong: "This text is too long.",
    fieldInvalid: "This value is not valid.",
  },
};
