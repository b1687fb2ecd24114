import type { Strings } from "./nl.ts";

/** Texts of a client organisation's pages and of managing the organisations. */
export const en: Strings = {
  organisation: {
    chooseTitle: "Choose your {{term.organisation}}",
    chooseIntro:
      "You belong to more than one {{term.organisation}}. Choose which one you work for now; you can switch later from the menu.",
    nothingToChoose: "You do not work for several {{term.organisations}}: there is nothing to choose.",
    choose: "Choose",
    chooseOne: "Work on behalf of {{name}}",
    current: "Chosen now",
    intro: "Your colleagues in this {{term.organisation}}. Your role: {{role}}.",
    colleagues: "Colleagues",
    you: "You",
    inviteColleague: "Invite a colleague",
    inviteIntro:
      "Your colleague gets an e-mail with a link to choose a password and then belongs to {{name}}.",
    change: "Change the role of {{name}}",
    newRole: "New role",
    saveRole: "Save role",
    remove: "Remove from the {{term.organisation}}",
    rolesTitle: "What the roles may do",
    roles: { admin: "Admin", "member-plus": "Member+", member: "Member" },
    roleExplained: {
      admin:
        "Colleagues, the {{term.organisation}}'s details, invoices and subscription, and all {{term.tickets}}.",
      "member-plus": "Own {{term.tickets}} and projects, and those of colleagues; no invoices.",
      member: "Own {{term.tickets}} and projects.",
    },
    done: {
      role: "The role has been changed.",
      remove: "The colleague no longer belongs to the {{term.organisation}}.",
      invited: "The invitation has been sent.",
    },
    refused: {
      invalid: "Choose a role from the list.",
      self: "You cannot change your own role; ask another admin.",
      passwordWrong: "That password is not right. Please try again.",
      throttled: "Too many attempts. Wait a few minutes and try again.",
    },
  },
  organisations: {
    title: "{{term.organisations, capitalize}}",
    intro:
      "The {{term.organisations}} that are {{term.clients}}, with their people and roles. Each one's own admins manage their colleagues.",
    name: "Name of a new {{term.organisation}}",
    create: "Add",
    empty: "There are no {{term.organisations}} yet.",
    add: "Add someone to {{name}}",
    clientEmail: "E-mail address of the {{term.client}}",
    addSubmit: "Add to the {{term.organisation}}",
    nameMissing: "Fill in a name of at least 2 characters.",
    nameTaken: "There already is one with this name.",
    notFoundPerson: "There is no account with this e-mail address. Invite the person first.",
    notClientPerson: "Only {{term.clients}} can belong to one.",
    done: { created: "It has been added.", added: "The person now belongs to it." },
  },
};
