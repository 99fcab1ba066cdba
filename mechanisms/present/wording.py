"""Goes when the app reads the catalogue: English words under their old names, for app.py and panels.py only."""

from __future__ import annotations

from .catalogue import words

_EN = words("en")

DISCLAIMER = _EN.disclaimer
EVIDENCE_MEANING = dict(_EN.evidence_meaning)
EDGE_WORDS = dict(_EN.edge_words)
PLAIN_EDGE_WORDS = dict(_EN.plain_edge_words)
HOW_TO_READ = _EN.how_to_read
WHOLE_PICTURE = _EN.whole_picture
LINK_LEAD = _EN.link_lead
STEP_LIST_LABEL = _EN.step_list_label
HOW_TO_READ_LEAD = _EN.how_to_read_lead
AUDIENCE_PROMPT = _EN.audience_prompt
PREVIOUS = _EN.previous
NEXT = _EN.next
NO_REFERENCES = _EN.no_references
NOT_YET_KNOWN = _EN.not_yet_known
ALSO_CALLED = _EN.also_called
CAUSES_HEADING = _EN.causes_heading
EFFECTS_HEADING = _EN.effects_heading
EXPLORE_HEADING = _EN.explore_heading
EXPLORE_HINT = _EN.explore_hint
PICKER_LABEL = _EN.picker_label
PICKER_PLACEHOLDER = _EN.picker_placeholder
LINK_NOTICE = _EN.formats["link_notice"]
AUDIENCE_HEADING = dict(_EN.audience_heading)
step_heading = _EN.step_heading
band_title = _EN.band_title
outline_step_heading = _EN.outline_step_heading
LINK_NOTICE_PLAIN = _EN.link_notice_plain
WORDS_USED = _EN.words_used
REFERENCES = _EN.references
WHAT_IT_FOUND = _EN.what_it_found
go_to = _EN.go_to
MORE_DETAIL = _EN.more_detail
HIDE_DETAIL = _EN.hide_detail
show_detail = _EN.show_detail
CORE_PATH_NOTE = _EN.core_path_note
UNAVAILABLE_TITLE = _EN.unavailable_title
UNAVAILABLE = _EN.unavailable
AUTHOR_NOTICE = _EN.author_notice
GUIDE_HEADING = _EN.guide_heading
GUIDE_POINTER = _EN.guide_pointer
SEE_IT_ONLINE = _EN.see_it_online
PRINTED_DIAGRAM = _EN.printed_diagram
LINK_KEY_LEAD = _EN.link_key_lead
EVIDENCE_LEAD = _EN.evidence_lead
TAKE_THIS_HOME = _EN.take_this_home
SCAN_TO_OPEN = _EN.scan_to_open
COPY_LINK = _EN.copy_link
LOCAL_LINK = _EN.local_link
TODAY_HEADING = _EN.today_heading
TODAY_AFTERCARE = _EN.today_aftercare
TODAY_CAUTIONS = _EN.today_cautions
TODAY_POINTER = _EN.today_pointer
BODY_MAP_HELP = _EN.body_map_help
ESTIM_CHOICE = "An electric current was used"
"""Now the data's `treatment.options[].choice` (data/dry-needling.yaml): the app should read it from there."""
CHECK_HEADING = _EN.check_heading
CHECK_INTRO = _EN.check_intro
CHECK_RIGHT = _EN.check_right
CHECK_WRONG = _EN.check_wrong


def evidence_badge(level: str) -> str:
    """The text of an evidence level's badge: 'Human trial'."""
    return _EN.evidence_badge[level]
