/**
 * Texts of the platform console. Dutch defines the keys; English follows them key for key.
 */
export const nl = {
  operator: {
    title: "Omgevingen",
    intro: "Alle klantomgevingen van Portaal: hun adres, abonnement, datacel en status.",
    newTenant: "Nieuwe omgeving",
    empty: "Er zijn nog geen klantomgevingen.",
    status: { active: "Actief", suspended: "Opgeschort" },
    name: "Naam van de organisatie",
    slug: "Slug",
    slugHint: "Het eigen adres van de omgeving: kleine letters, cijfers en streepjes, zoals {{example}}.",
    cell: "Datacel",
    plan: "Abonnement",
    addresses: "Adressen",
    address: "Adres",
    created: "Aangemaakt",
    createTitle: "Nieuwe omgeving",
    createIntro:
      "De omgeving is meteen bereikbaar op haar eigen adres. De eerste beheerder krijgt een uitnodiging per e-mail en richt de rest zelf in.",
    hostnames: "Eigen domeinen (niet verplicht)",
    hostnamesHint: "Eén per regel, zoals portaal.praktijknoord.nl.",
    language: "Standaardtaal",
    firstAdmin: "Eerste beheerder",
    firstAdminIntro: "Deze persoon krijgt de uitnodiging en wordt beheerder van de omgeving.",
    adminName: "Naam",
    adminEmail: "E-mailadres",
    create: "Omgeving aanmaken",
    back: "Alle omgevingen",
    cacheNote: "Een wijziging van abonnement, status of domein is binnen 30 seconden overal van kracht.",
    hostnamesTitle: "Eigen domeinen",
    noHostnames: "Nog geen eigen domeinen.",
    hostname: "Domein toevoegen",
    hostnameHint:
      "Zoals portaal.praktijknoord.nl. Zet de DNS-verwijzing naar Portaal voordat je het domein deelt.",
    addHostname: "Domein toevoegen",
    removeHostname: "{{hostname}} verwijderen",
    changePlan: "Abonnement opslaan",
    statusTitle: "Status",
    suspendIntro:
      "Opschorten maakt de omgeving onbereikbaar: al haar adressen tonen ‘Deze omgeving bestaat niet’ en niemand kan inloggen. Er wordt niets verwijderd; je kunt haar later weer activeren.",
    reactivateIntro: "De omgeving is opgeschort. Na het activeren kan iedereen weer inloggen.",
    confirmPassword: "Bevestig met je eigen wachtwoord",
    suspend: "Omgeving opschorten",
    reactivate: "Omgeving weer activeren",
    done: {
      created: "De omgeving is aangemaakt en de uitnodiging voor de eerste beheerder is verstuurd.",
      "add-hostname": "Het domein is toegevoegd.",
      "remove-hostname": "Het domein is verwijderd.",
      plan: "Het abonnement is gewijzigd.",
      suspend: "De omgeving is opgeschort.",
      reactivate: "De omgeving is weer actief.",
    },
    errors: {
      slugFormat:
        "Een slug heeft 2 tot 40 tekens: kleine letters, cijfers of streepjes, en begint met een letter.",
      slugReserved: "Deze slug is gereserveerd voor Portaal zelf. Kies een andere.",
      slugTaken: "Er is al een omgeving met de slug {{slug}}.",
      nameLength: "Een naam heeft 2 tot 80 tekens.",
      cellUnknown: "Kies een van de datacellen.",
      planUnknown: "Kies een van de abonnementen.",
      hostnameInvalid: "Dit is geen geldig domein. Schrijf het als portaal.praktijknoord.nl.",
      hostnameTwice: "Een domein staat er twee keer in.",
      hostnamesTooMany: "Een omgeving heeft hoogstens 10 eigen domeinen.",
      hostnameOnPlatform:
        "{{hostnames}} valt onder het domein van Portaal; de omgeving heeft daar al {{own}}.",
      hostnameTaken: "Al in gebruik bij een omgeving: {{hostnames}}.",
      settingsInvalid: "Deze instellingen kloppen niet.",
      language: "Kies Nederlands of Engels.",
      adminEmail: "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
      adminName: "Vul de naam van de beheerder in.",
    },
  },
};

export type Strings = typeof nl;
