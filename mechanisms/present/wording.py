"""Fixed sentences every output shows the same way: the disclaimer, evidence levels, how to read the diagram."""

from __future__ import annotations

DISCLAIMER = (
    "This is for learning only. It does not diagnose, and it is not medical advice. "
    "Talk with your own health professional about your care."
)

EVIDENCE_MEANING: dict[str, str] = {
    "human trial": "Tested in people in a controlled trial.",
    "human observational": "Seen in people, but not compared with a control group.",
    "animal study": "Seen in animals; not yet shown in people.",
    "review": "Summarised from earlier studies by a review.",
    "proposed mechanism": "An idea that experts put forward. It has not been tested directly.",
}
"""Each evidence level (strongest first, as in the schema) with the one line shown beside its badge."""

EDGE_WORDS: dict[str, str] = {
    "leads_to": "leads to",
    "increases": "increases",
    "decreases": "decreases",
    "activates": "activates",
    "inhibits": "inhibits",
}
"""The words that read a link aloud, by kind: the technical kinds, for practitioners."""
PLAIN_EDGE_WORDS: dict[str, str] = {
    "leads_to": "leads to",
    "increases": "turns up",
    "decreases": "turns down",
    "activates": "switches on",
    "inhibits": "blocks",
}
"""The same kinds in a patient's words."""

HOW_TO_READ = (
    "read from top to bottom. Each circle is a part of the body or a change in it; "
    "the small shapes on the lines show how one leads to the next. Tap any of them."
)
WHOLE_PICTURE = "Whole picture"
LINK_LEAD = "The link:"
STEP_LIST_LABEL = "Go to step"
"""Shown after HOW_TO_READ_LEAD, in bold, beside the interactive diagram."""
HOW_TO_READ_LEAD = "How to read this diagram:"
AUDIENCE_PROMPT = "Explain it for"
"""The label of the patient / practitioner switch."""
PREVIOUS = "Previous"
NEXT = "Next"

NO_REFERENCES = "No published study supports this link yet: it is a proposed explanation."
NOT_YET_KNOWN = "Not yet known:"
ALSO_CALLED = "Also called:"
CAUSES_HEADING = "What causes this"
EFFECTS_HEADING = "What this leads to"
EXPLORE_HEADING = "Explore this step"
EXPLORE_HINT = "Tap a circle in the diagram, or choose a part below, to read what it does."
PICKER_LABEL = "Jump to any part of the story"
PICKER_PLACEHOLDER = "Choose a part of the diagram"
LINK_NOTICE = "Part of the link was not recognised ({names}), so this starts from the beginning."
"""Shown when a shared link is broken; {names} is only the names of the parameters ignored."""

AUDIENCE_HEADING: dict[str, str] = {
    "patient": "Information for patients",
    "practitioner": "Information for practitioners",
}


def step_heading(number: int, total: int, title: str) -> str:
    """'Step 3 of 8: title', the heading of the step being shown."""
    return f"Step {number} of {total}: {title}"


def band_title(number: int, title: str) -> str:
    """A step's band in the diagram: its number and title."""
    return f"{number}. {title}"


def outline_step_heading(number: int, title: str) -> str:
    """'Step 3. title', a step's heading in a list of all the steps (outline, handout)."""
    return f"Step {number}. {title}"

LINK_NOTICE_PLAIN = "This link was not recognised, so this starts from the beginning."
"""The same notice where the page cannot say which part was wrong (the offline page)."""
WORDS_USED = "Words used here"
REFERENCES = "References"
WHAT_IT_FOUND = "What it found:"


def evidence_badge(level: str) -> str:
    """The text of an evidence level's badge: 'Human trial'."""
    return level.capitalize()


def go_to(label: str) -> str:
    """A button that moves to a part of the diagram."""
    return f"Go to {label}"

MORE_DETAIL = "More detail"
"""The switch that adds the animal studies (the graph's `detail` nodes) to a patient's diagram."""
HIDE_DETAIL = "Show the main path only"


def show_detail(count: int) -> str:
    """The button that opens a step's more detail, saying how many parts it adds."""
    return f"Show more detail ({count} more {'part' if count == 1 else 'parts'})"


CORE_PATH_NOTE = (
    "This shows the main path. Tests in animals are left out here; turn on More detail online to see them."
)
"""Said wherever a patient sees the core path only (the offline page, the patient handout)."""
UNAVAILABLE_TITLE = "How it works"
UNAVAILABLE = "The explainer is not available just now. Please try again in a few minutes."
"""What a visitor sees when no version of any graph has loaded yet: no file names, no errors."""
AUTHOR_NOTICE = "Author mode: some data files could not be loaded. Visitors still see the last good version."
"""Above the located problems, shown only where MECHANISMS_AUTHOR is set."""
GUIDE_HEADING = "Before and after your session"
"""The heading over the practical guide (safety, aftercare, questions) in every output."""
GUIDE_POINTER = "Is it safe? What to expect after, and questions to ask your physio"
"""The link from the introduction down to the guide."""
SEE_IT_ONLINE = "Scan the code with a phone camera, or type the address below. You can then go through it step by step."
"""Beside the handout's QR code."""
PRINTED_DIAGRAM = (
    "Each step below comes with its part of the diagram. Read it from top to bottom. Each circle is one part "
    "of the story. The shaded band is the step, and you can see the edges of the steps before and after it."
)
"""How to read the handout's pictures."""
LINK_KEY_LEAD = "The line and the shape in its middle show the kind of link:"
EVIDENCE_LEAD = "Each part below says what kind of study it comes from, strongest first:"

TAKE_THIS_HOME = "Take this home"
"""The control that hands the current view to a phone (a QR code and a link), in normal and consult mode."""
SCAN_TO_OPEN = "Scan this code with your phone's camera. It opens this page at this step."
COPY_LINK = "Or copy this link and send it to yourself:"
LOCAL_LINK = ("This link points to this computer, so a phone cannot open it. "
              "Ask whoever runs this site to set its web address.")
"""Shown under the QR code when the page's own address is a local one (no MECHANISMS_BASE_URL set)."""

TODAY_HEADING = "Today's treatment"
"""Over what the physio marked on the body map, in the app, the handout and the offline page."""
TODAY_NEEDLED = "Today your physio put needles in your {areas}."
TODAY_NEEDLED_MORE = "They also put needles in your {areas}."
TODAY_CURRENT = "They also passed an electric current through the needles."
TODAY_AFTERCARE = 'Under "After your session" you can read what is normal, what you can do, and when to get help.'
TODAY_CAUTIONS = "Because of where you were needled"
TODAY_POINTER = "What to watch for after today"
BODY_MAP_HELP = "Tap each area you needled today. Tap it again to take it off."
"""For the physio, over the body map."""
ESTIM_CHOICE = "An electric current was used"

CHECK_HEADING = "Check what you understood"
"""Over the teach-back questions at the end of the story, in the app and the offline page."""
CHECK_INTRO = "Pick an answer to each question to see if you got it. Your answers stay on your screen."
CHECK_RIGHT = "You got it"
CHECK_WRONG = "Not this one"
"""Said before each explanation, beside a sign, so right and wrong never rest on colour alone."""
SEE_STEP = "Go to step {number} of {total}: {title}"
"""Under each answer: the step that explains it."""
