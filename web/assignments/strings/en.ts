import type { Strings } from "./nl.ts";

/** Texts of the assignment pages. */
export const en: Strings = {
  assignments: {
    title: "{{term.assignments, capitalize}}",
    intro: "{{term.assignments, capitalize}} your {{term.coach}} set for you. New ones are at the top.",
    staffIntro:
      "The {{term.assignments}} you set. Those where a {{term.client}} handed in work awaiting your feedback come first.",
    none: "You have no {{term.assignments}} yet.",
    noneSet: "You have not set any {{term.assignments}} yet.",
    new: "New",
    newLabel: "New {{term.assignment}}",
    from: "From {{name}}, {{date}}",
    setOn: "Set on {{date}}",
    counts: "{{handedIn}} awaiting feedback · {{open}} open · {{reviewed}} reviewed",
    create: "New {{term.assignment}}",
    back: "Back to your {{term.assignments}}",
    backStaff: "Back to the {{term.assignments}}",
    status: {
      open: "Open",
      handedIn: "Handed in",
      reviewed: "Reviewed",
    },
    staffStatus: {
      open: "Not handed in yet",
      handedIn: "Awaiting your feedback",
      reviewed: "Reviewed",
    },
    form: {
      title: "New {{term.assignment}}",
      intro:
        "Set an {{term.assignment}} for one or more of your {{term.clients}}. Each {{term.client}} is notified and sees only their own work.",
      name: "Title",
      description: "Explanation",
      descriptionHint:
        "You can use Markdown: **bold**, *italic*, lists with - and links as [text](https://example.com). HTML is shown as plain text.",
      clients: "For which {{term.clients}}?",
      noClients: "No {{term.clients}} are assigned to you yet, so you cannot set an {{term.assignment}}.",
      submit: "Set {{term.assignment}}",
      addFiles: "Add attachments",
      problem: "The {{term.assignment}} has not been set yet",
      errors: {
        title: {
          required: "Enter a title.",
          tooLong: "Shorten the title: at most {{max}} characters.",
        },
        description: {
          required: "Write an explanation: what should the {{term.client}} do?",
          tooLong: "Shorten the explanation: at most {{max}} characters.",
        },
        clients: {
          required: "Choose at least one {{term.client}}.",
          tooMany: "Choose at most {{max}} {{term.clients}} at once.",
          unknown: "Choose only {{term.clients}} from the list: one of them no longer works with you.",
        },
        files: {
          tooMany: "Attach at most {{max}} files.",
          unknown: "An attachment is not available (any more). Upload it again.",
        },
      },
    },
    detail: {
      description: "Explanation",
      files: "Attachments",
      handedInFiles: "Files handed in",
      download: "{{name}} ({{size}})",
      thread: "Hand-ins and feedback",
      noThread: "Nothing handed in yet.",
      handedInBy: "Handed in by {{name}}, {{date}}",
      feedbackBy: "Feedback from {{name}}, {{date}}",
      response: "Your response",
      responseHint: "Write your response. Your {{term.coach}} is notified and can give you feedback.",
      handIn: "Hand in",
      handInAgain: "Hand in again",
      addFiles: "Add files",
      againHint: "Your {{term.coach}} gave feedback. You can improve your work and hand it in again.",
      waiting: "Handed in. Your {{term.coach}} will look at it and give you feedback.",
      handedIn: "Handed in. Your {{term.coach}} is notified.",
      feedback: "Feedback",
      feedbackHint: "The {{term.client}} is notified and may then hand in again.",
      giveFeedback: "Give feedback",
      feedbackSent: "Your feedback has been sent.",
      notHandedIn: "{{name}} has not handed anything in yet.",
      clients: "Per {{term.client}}",
      problem: "Not sent yet",
      errors: {
        files: {
          tooMany: "Hand in at most {{max}} files at once.",
          unknown: "A file is not available (any more). Upload it again.",
        },
        response: {
          required: "Write your response before you hand in.",
          tooLong: "Shorten your response: at most {{max}} characters.",
        },
        feedback: {
          required: "Write your feedback.",
          tooLong: "Shorten your feedback: at most {{max}} characters.",
        },
        handedIn: "You already handed this in; wait for feedback from your {{term.coach}}.",
        notHandedIn: "Nothing has been handed in to give feedback on.",
        reviewed: "You already gave feedback on this; wait until the {{term.client}} hands in again.",
        open: "Nothing has been handed in to give feedback on.",
      },
    },
    client: {
      title: "{{term.assignments, capitalize}} of {{name}}",
      none: "{{name}} has no {{term.assignments}} yet.",
      create: "New {{term.assignment}} for {{name}}",
    },
  },
};
