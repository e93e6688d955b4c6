"""A review day in a real browser (issue 10, the first "done when"): 30 generated dossiers
processed once by `dossiers process` into PostgreSQL and the object store, served by
`dossiers serve`, and two agents at work, one at a 1366-pixel desk, one on a 390-pixel
phone. Each claims dossiers (and meets one the other holds), corrects a field on a
scanned page and on a photographed one and sees the checks run again, sends a dossier
back with the message written from its blocking reasons, sets a flag aside with a
reason and finds it in the history, approves with "Approuver et suivant" and moves on,
with keys (j, k, e, Entrée, Échap, i, s, a). axe-core checks every page visited; on the
phone no page scrolls sideways."""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from models.domain import FlagCode, PieceType, Severity, Status
from models.records import DossierResult
from pipeline.recorded import Services
from storage.claims import Claims
from storage.settings import Settings
from tests.conftest import fresh_database
from tests.test_web_browser import ARTIFACTS, CHROMIUM, axe_violations, serving
from tests.test_web_fixtures import AGENT

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (/usr/bin/chromium)")]

PHONE_AGENT = ("bruno", "mot-de-passe-bruno")
AS_OF = "2026-06-01"
# Stage dossiers whose internship agreement is their one document not born digital (the
# identity document is a photocopy or a photo, as always): scanned, or photographed with a phone.
SCANNED = {"desk": 518, "phone": 529}
PHOTOGRAPHED = {"desk": 536, "phone": 544}
FILLERS = range(600, 626)  # 26 born-digital dossiers of every procedure, some breaking a rule
REASON = "Original présenté au guichet : la pièce est conforme."


@dataclass(frozen=True)
class Agreement:
    """The internship agreement of a dossier, the piece an agent corrects."""
    reference: str
    piece: int
    source: str
    siret: str  # the host's SIRET as the page prints it

    @property
    def slip(self) -> str:
        """The SIRET with its last digit mistyped: its check digit no longer holds."""
        return self.siret[:-1] + str((int(self.siret[-1]) + 1) % 10)


@dataclass(frozen=True)
class Plan:
    """One agent's dossiers for the day."""
    agent: tuple[str, str]
    photographed: Agreement
    scanned: Agreement
    overridden: tuple[str, int]  # an incomplete dossier held back by one blocking flag, and its position


@dataclass(frozen=True)
class Day:
    url: str
    services: Services
    plans: dict[str, Plan]
    total: int


def _generate(out: Path) -> dict[int, dict[str, Any]]:
    """The 30 dossiers, written under out/dossiers; their truth by seed."""
    from synth.dossier import generate_dossier
    from synth.families import FamilyFilter
    from synth.pieces.fresh import FRESH

    # The day's dossiers as drawn when it was written: a fresh family of a later wave (drawn on a
    # side stream of its own) would replace some of its pieces. How the reader does on held-out
    # layouts is measured by `make eval-unseen`, not by a review day.
    later = FamilyFilter(exclude=frozenset(f"{piece_type}:{f.layout}" for piece_type, options in FRESH.items()
                                           for f in options if f.wave))

    def make(seed: int, **options: Any) -> dict[str, Any]:
        return generate_dossier(seed, "folder", out, families=later, **options).truth

    truths = {seed: make(seed, procedure="stage", scan_ratio=0.4, photo_ratio=0.0, violation_rate=0.0)
              for seed in SCANNED.values()}
    truths |= {seed: make(seed, procedure="stage", scan_ratio=0.4, photo_ratio=1.0, violation_rate=0.0)
               for seed in PHOTOGRAPHED.values()}
    truths |= {seed: make(seed, scan_ratio=0.0, violation_rate=0.4) for seed in FILLERS}
    return truths


def _current(services: Services, reference: str) -> DossierResult:
    result = services.records.current_result(reference)
    assert result is not None, reference
    return result


def _agreement(services: Services, truth: dict[str, Any], render: str) -> Agreement:
    """The dossier's agreement as processed; the dossier waits in the queue, its SIRET not flagged."""
    [printed] = [p for p in truth["pieces"] if p["type"] == "internship_agreement"]
    assert f"render:{render}" in printed["tags"], printed["tags"]  # the generator still renders it so
    result = _current(services, truth["reference"])
    assert result.status == Status.ready_for_review, (truth["reference"], result and result.flags)
    assert not any(f.code == FlagCode.invalid_siret for f in result.flags), result.flags
    [piece] = [i for i, p in enumerate(result.pieces)
               if p.type == PieceType.internship_agreement and p.source == printed["source"]]
    assert "host_siret" in result.pieces[piece].fields, result.pieces[piece].fields
    return Agreement(truth["reference"], piece, printed["source"], printed["fields"]["host_siret"])


def _held_by_one_flag(result: DossierResult) -> int | None:
    """The position of the one blocking flag holding an incomplete dossier back, if one alone does."""
    blocking = [i for i, f in enumerate(result.flags) if f.severity == Severity.blocking]
    if result.status != Status.incomplete or result.schema_version != "2" or len(blocking) != 1:
        return None
    return blocking[0]


def _plans(services: Services, truths: dict[int, dict[str, Any]]) -> dict[str, Plan]:
    overridable = []
    for seed in FILLERS:
        reference = truths[seed]["reference"]
        position = _held_by_one_flag(_current(services, reference))
        if position is not None:
            overridable.append((reference, position))
    assert len(overridable) >= 2, "the fillers give fewer than two dossiers held back by one blocking flag"
    return {screen: Plan(agent, _agreement(services, truths[PHOTOGRAPHED[screen]], "photo"),
                         _agreement(services, truths[SCANNED[screen]], "scan"), overridable[n])
            for n, (screen, agent) in enumerate((("desk", AGENT), ("phone", PHONE_AGENT)))}


@pytest.fixture(scope="module")
def day(tmp_path_factory: pytest.TempPathFactory, postgres_admin_url: str) -> Iterator[Day]:
    """The dossiers generated and processed once for the module, two agents, the app served."""
    out = tmp_path_factory.mktemp("review-day")
    truths = _generate(out)
    folders = sorted((out / "dossiers").iterdir())
    assert len(folders) == 30
    with fresh_database(postgres_admin_url) as database_url:
        env = {**os.environ, "DOSSIERS_HOME": str(out / "home"), "DOSSIERS_DATABASE_URL": database_url}
        dossiers = [sys.executable, "-m", "pipeline.cli"]
        subprocess.run([*dossiers, "process", "--as-of", AS_OF, *map(str, folders)], check=True, env=env,
                       stdin=subprocess.DEVNULL, capture_output=True)
        for name, password in (AGENT, PHONE_AGENT):
            subprocess.run([*dossiers, "users", "add", name, "--role", "agent"], check=True,
                           env={**env, "DOSSIERS_USER_PASSWORD": password}, stdin=subprocess.DEVNULL,
                           capture_output=True)
        services = Services.open(Settings.from_env(env))
        try:
            listed = services.records.list_dossiers()
            assert len(listed) == 30 and not [d for d in listed if d.status == Status.failed.value]
            plans = _plans(services, truths)
            with serving(env) as url:
                yield Day(url, services, plans, len(listed))
        finally:
            services.close()


# -- the agent's gestures -------------------------------------------------------------------


class AgentPage:
    """An agent's browser page, checked with axe-core on every page it lands on."""

    def __init__(self, page: Any, url: str, width: int) -> None:
        self.page, self.url, self.width = page, url, width
        self.checked: list[str] = []

    def check(self) -> None:
        """axe-core clean; at a phone's width, nothing wider than the screen."""
        page = self.page
        page.wait_for_load_state()
        assert axe_violations(page) == [], page.url
        if self.width < 600:
            assert page.evaluate("document.documentElement.scrollWidth") <= self.width, page.url
        self.checked.append(page.url.removeprefix(self.url))

    def open_queue(self, tab: str = "À instruire") -> None:
        from playwright.sync_api import expect

        self.page.get_by_role("navigation", name="Listes de dossiers").get_by_role("link", name=tab).click()
        expect(self.page.locator("h1")).to_contain_text(f"Dossiers {tab.lower()}")
        self.check()

    def search_and_open(self, reference: str) -> None:
        """The search box of the queue, then the dossier's row: opening it claims it."""
        from playwright.sync_api import expect

        page = self.page
        page.get_by_label("Rechercher", exact=True).fill(reference)
        page.get_by_label("Rechercher", exact=True).press("Enter")
        row = page.locator(f'table.queue tr[id="{reference}"]')
        expect(row).to_have_count(1)
        expect(page.locator("table.queue tbody tr")).to_have_count(1)
        self.check()
        row.get_by_role("link", name=reference).click()
        self.opened(reference)

    def opened(self, reference: str) -> None:
        from playwright.sync_api import expect

        expect(self.page.get_by_role("heading", name=f"Dossier {reference}", exact=True)).to_be_visible()
        expect(self.page.locator(".claim-mine")).to_contain_text("Vous avez pris ce dossier en charge")
        self.check()

    def correct(self, piece: int, field: str, value: str) -> str:
        """Select the field, `e` to edit it, type, Entrée saves: the page's summary of the save."""
        from playwright.sync_api import expect

        page = self.page
        row = page.locator(f"#champ-{piece}-{field}")
        row.locator("button.field-select").click()
        expect(row.locator("button.field-select")).to_have_attribute("aria-pressed", "true")
        page.keyboard.press("e")
        field_input = row.locator("input.field-value")
        expect(field_input).to_be_focused()
        field_input.fill(value)
        expect(page.locator("#pending-edits")).to_have_text("1 modification non enregistrée")
        with page.expect_navigation():  # the page again, saying what the save changed
            field_input.press("Enter")
        summary = page.locator("#change-summary")
        expect(summary).to_be_visible()
        expect(page.locator(f"#champ-{piece}-{field} input.field-value")).to_have_value(value)
        self.check()
        return summary.inner_text()

    def leave_field(self) -> None:
        """Échap: out of the input, so that the page's keys act again."""
        self.page.keyboard.press("Escape")
        assert self.page.evaluate("document.activeElement.matches('input, textarea')") is False

    def status(self) -> str:
        return self.page.locator(".dossier-head .status").inner_text()


def _image_shown(page: Any, piece: int) -> None:
    image = page.locator(f"#piece-{piece} .page img").first
    image.scroll_into_view_if_needed()
    page.wait_for_function("image => image.complete && image.naturalWidth > 0", arg=image.element_handle())


# -- the day --------------------------------------------------------------------------------


def _send_back_the_photographed(screen: AgentPage, plan: Plan, services: Services) -> None:
    """The host's SIRET as the agent reads it on the photographed agreement does not hold:
    the checks hold the dossier back; `i` opens the send-back with the employer's message
    written from that reason; it is sent."""
    from playwright.sync_api import expect

    page, target = screen.page, plan.photographed
    screen.search_and_open(target.reference)
    _image_shown(page, target.piece)
    summary = screen.correct(target.piece, "host_siret", target.slip)
    assert "1 champ corrigé" in summary and "nouveau contrôle : SIRET ou SIREN invalide" in summary, summary
    assert "statut : Incomplet (était : À instruire)" in summary, summary
    assert screen.status() == "Incomplet"
    expect(page.locator(f"#champ-{target.piece}-host_siret .correction")).to_contain_text(
        f"Corrigé par {plan.agent[0]}")
    screen.leave_field()
    page.keyboard.press("i")
    message = page.locator("#sendback-message")
    expect(message).to_be_focused()
    written = message.input_value()
    blocking = [f for f in _current(services, target.reference).flags if f.severity == Severity.blocking]
    assert blocking and written.startswith(f"Bonjour,\nLe dossier {target.reference} ne peut pas être instruit")
    for flag in blocking:
        assert flag.message.strip() in written, (flag.message, written)
    assert f"fichier {target.source}" in written and target.slip in written
    page.get_by_role("button", name="Renvoyer le dossier").click()
    expect(page.get_by_role("status")).to_have_text("Dossier renvoyé comme incomplet.")
    screen.check()


def _override_the_one_reason(screen: AgentPage, plan: Plan) -> None:
    """From the incomplete list: the flag holding the dossier back set aside with a reason,
    the reason in the history, the dossier back in the queue; approved."""
    from playwright.sync_api import expect

    page = screen.page
    reference, position = plan.overridden
    screen.open_queue("Incomplets")
    page.locator(f'table.queue tr[id="{reference}"]').get_by_role("link", name=reference).click()
    screen.opened(reference)
    assert screen.status() == "Incomplet"
    alert = page.locator(f"#alerte-{position}")
    alert.get_by_text("Écarter ce contrôle…").click()
    alert.get_by_label("Motif (conservé dans l'historique)").fill(REASON)
    alert.get_by_role("button", name="Écarter ce contrôle").click()
    expect(page.locator(f"#alerte-{position} .override-note")).to_contain_text(f"motif : « {REASON} »")
    expect(page.locator(f"#alerte-{position} .override-note")).to_contain_text("ne bloque plus le dossier")
    expect(page.locator("ol.history")).to_contain_text(f"motif : « {REASON} »")
    expect(page.locator("ol.history")).to_contain_text("Contrôle écarté :")
    assert screen.status() == "À instruire"
    screen.check()
    page.locator("#approve").click()
    expect(page.get_by_role("status")).to_have_text("Dossier approuvé.")
    screen.check()


def _correct_the_scanned_and_move_on(screen: AgentPage, plan: Plan) -> list[str]:
    """j and k between fields; a slip in the SIRET of the scanned agreement raises a flag,
    the number the page prints lifts it; then `s`, the button "Approuver et suivant", and `a`: three
    dossiers approved in a row. The references approved, in order."""
    from playwright.sync_api import expect

    page, target = screen.page, plan.scanned
    screen.open_queue()
    screen.search_and_open(target.reference)
    _image_shown(page, target.piece)
    fields = page.locator("button.field-select")
    page.keyboard.press("j")
    page.keyboard.press("j")
    expect(page.locator("button.field-select[aria-pressed=true]")).to_have_count(1)
    expect(fields.nth(1)).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("k")
    expect(fields.first).to_have_attribute("aria-pressed", "true")

    raised = screen.correct(target.piece, "host_siret", target.slip)
    assert "nouveau contrôle : SIRET ou SIREN invalide" in raised, raised
    assert "statut : Incomplet (était : À instruire)" in raised, raised
    lifted = screen.correct(target.piece, "host_siret", target.siret)
    assert "contrôle levé : SIRET ou SIREN invalide" in lifted, lifted
    assert "statut : À instruire (était : Incomplet)" in lifted, lifted
    assert screen.status() == "À instruire"
    expect(page.locator("ol.history")).to_contain_text(f"« SIRET de l'organisme », {target.slip} → {target.siret}")

    approved = [target.reference]
    screen.leave_field()
    page.keyboard.press("s")  # asks first (the page's confirm, accepted)
    for via_key in (False, True):
        notice = page.get_by_role("status")
        expect(notice).to_contain_text(f"Dossier {approved[-1]} approuvé. Dossier suivant de la file")
        heading = page.locator("h1").inner_text()
        reference = heading.removeprefix("Dossier ")
        assert reference not in approved
        screen.opened(reference)
        approved.append(reference)
        if via_key:
            page.keyboard.press("a")
        else:
            page.get_by_role("button", name="Approuver et suivant").click()
    expect(page.get_by_role("status")).to_have_text("Dossier approuvé.")
    screen.check()
    return approved


def _meet_the_other_agents_dossier(screen: AgentPage, reference: str, holder: str) -> None:
    """A dossier the other agent holds: who and since when, every form that writes disabled."""
    from playwright.sync_api import expect

    page = screen.page
    page.goto(f"{screen.url}/")
    expect(page.locator(f'table.queue tr[id="{reference}"]')).to_contain_text(f"Pris en charge par {holder}")
    screen.check()
    page.locator(f'table.queue tr[id="{reference}"]').get_by_role("link", name=reference).click()
    expect(page.locator(".claim-other")).to_contain_text(f"Dossier pris en charge par {holder} depuis")
    for control in ("#approve", "#approve-next", "#save-corrections", "input.field-value >> nth=0",
                    "select[name=type] >> nth=0"):
        expect(page.locator(control)).to_be_disabled()
    screen.check()


def play_day(screen: AgentPage, plan: Plan, day: Day, held: tuple[str, str]) -> list[str]:
    """One agent's day; the references approved."""
    from playwright.sync_api import expect

    page = screen.page
    page.goto(f"{screen.url}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dossiers à instruire")
    ready, incomplete, _ = [int(text.strip("()")) for text in page.locator("ul.tabs .count").all_inner_texts()]
    listed = day.services.records.list_dossiers
    assert (ready, incomplete) == (len(listed(Status.ready_for_review.value)), len(listed(Status.incomplete.value)))
    assert len(listed()) == day.total
    screen.check()
    _meet_the_other_agents_dossier(screen, *held)
    page.goto(f"{screen.url}/")
    _send_back_the_photographed(screen, plan, day.services)
    _override_the_one_reason(screen, plan)
    approved = _correct_the_scanned_and_move_on(screen, plan)
    screen.open_queue("Traités")
    for reference in approved + [plan.overridden[0], plan.photographed.reference]:
        expect(page.locator(f'table.queue tr[id="{reference}"]')).to_contain_text(plan.agent[0])
    return [plan.overridden[0], *approved]


def test_two_agents_play_a_review_day_at_a_desk_and_on_a_phone(day: Day) -> None:
    from playwright.sync_api import sync_playwright

    from tests.browser_login import signed_in_page

    ARTIFACTS.mkdir(exist_ok=True)
    desk_plan, phone_plan = day.plans["desk"], day.plans["phone"]
    with sync_playwright() as playwright:
        browsers = []
        try:
            browser, desk_page = signed_in_page(playwright, day.url, desk_plan.agent, width=1366, height=768)
            browsers.append(browser)
            browser, phone_page = signed_in_page(playwright, day.url, phone_plan.agent, width=390, height=844,
                                                 is_mobile=True, has_touch=True)
            browsers.append(browser)
            for page in (desk_page, phone_page):
                page.on("dialog", lambda dialog: dialog.accept())  # "Approuver ce dossier ?"
            desk, phone = AgentPage(desk_page, day.url, 1366), AgentPage(phone_page, day.url, 390)

            # Morning: the phone's agent opens the two dossiers of the day (claims them).
            for reference in (phone_plan.scanned.reference, phone_plan.photographed.reference):
                phone_page.goto(f"{day.url}/dossiers/{reference}")
                phone.opened(reference)
            desk_approved = play_day(desk, desk_plan, day, (phone_plan.scanned.reference, phone_plan.agent[0]))
            desk_page.screenshot(path=ARTIFACTS / "journee-1366.png")
            # The desk's agent leaves one dossier open: the phone's agent meets it.
            left_open = next(d.reference for d in day.services.records.list_dossiers(Status.ready_for_review.value)
                             if Claims(day.services.db).holder(d.reference) is None)
            desk_page.goto(f"{day.url}/dossiers/{left_open}")
            desk.opened(left_open)
            phone_approved = play_day(phone, phone_plan, day, (left_open, desk_plan.agent[0]))
            phone_page.screenshot(path=ARTIFACTS / "journee-390.png", full_page=True)
        finally:
            for browser in browsers:
                browser.close()

    # What the day left in the records.
    records = day.services.records
    for plan, approved in ((desk_plan, desk_approved), (phone_plan, phone_approved)):
        agent = plan.agent[0]
        assert len(approved) == 4
        for reference in approved:
            result = _current(day.services, reference)
            assert result.status == Status.approved and result.review and result.review.by == agent, reference
        sent = _current(day.services, plan.photographed.reference)
        assert sent.status == Status.incomplete and sent.review and (sent.review.decision, sent.review.by) == (
            "sent_back", agent)
        assert sent.pieces[plan.photographed.piece].fields["host_siret"] == plan.photographed.slip
        overridden = _current(day.services, plan.overridden[0])
        assert [(o.reason, o.by) for o in overridden.overrides or []] == [(REASON, agent)]
        scanned = _current(day.services, plan.scanned.reference)
        assert scanned.pieces[plan.scanned.piece].fields["host_siret"] == plan.scanned.siret
        corrections = [e for e in records.history(plan.scanned.reference) if e.action == "field_corrected"]
        assert [e.details["value"] for e in corrections] == [plan.scanned.slip, plan.scanned.siret]
    assert len(desk.checked) >= 15 and len(phone.checked) >= 15
