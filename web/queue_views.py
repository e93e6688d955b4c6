"""The agents' queue, a day's work in tabs: dossiers to review (oldest first), those held
back as incomplete, for administrators the failed ones, and the decided ones ("Traités");
each searched by reference, applicant, employer or SIRET and cut into pages, each row
saying who holds the dossier when an agent has it open (storage.claims)."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from storage.claims import paris_time
from storage.reviews import Reviews
from storage.worklists import Worklist, WorklistFilter, WorklistPage, Worklists
from web.rendering import render
from web.security import SignedIn

router = APIRouter()

# The page tells what just happened after a redirect; only these fixed texts are shown.
NOTICES = {
    "approved": "Dossier approuvé.", "rejected": "Dossier rejeté.",
    "sent_back": "Dossier renvoyé comme incomplet.", "rerun": "Retraitement lancé.",
    "released": "Dossier libéré.",
}
WARNING_FILTERS = {"oui": True, "non": False}


@dataclass(frozen=True)
class Tab:
    worklist: Worklist
    slug: str  # the `liste` parameter; "" for the default tab
    title: str
    caption: str
    admin_only: bool = False


TABS = (
    Tab(Worklist.ready, "", "À instruire", "Dossiers prêts pour l'instruction, les plus anciens d'abord"),
    Tab(Worklist.incomplete, "incomplets", "Incomplets", "Dossiers retenus comme incomplets, les plus anciens d'abord"),
    Tab(Worklist.failed, "echecs", "En échec", "Dossiers en échec, les plus récents d'abord", admin_only=True),
    Tab(Worklist.decided, "traites", "Traités", "Dossiers approuvés, rejetés ou renvoyés, les plus récents d'abord"),
)


def reviews_of(request: Request) -> Reviews:
    return request.app.state.reviews


def worklists_of(request: Request) -> Worklists:
    return request.app.state.worklists


def missing_page(asked: int, listed: WorklistPage) -> str | None:
    """What the list says when the address asks for a page it does not have (storage shows the
    nearest one): "La page 999 n'existe pas : la liste tient sur 2 pages, voici la dernière."."""
    if asked == listed.page:
        return None
    pages = "une seule page" if listed.pages == 1 else f"{listed.pages} pages"
    which = "la seule" if listed.pages == 1 else "la dernière" if asked > listed.page else "la première"
    return f"La page {asked} n'existe pas : la liste tient sur {pages}, voici {which}."


def waited(days: int) -> str:
    """`reçu il y a 3 j`, `reçu aujourd'hui`."""
    return "reçu aujourd'hui" if days == 0 else f"reçu il y a {days} j"


@router.get("/", response_class=HTMLResponse)
def queue(request: Request, session: SignedIn, liste: str = "", q: str = "", procedure: str = "",
          avertissements: str = "", page: int = 1, notice: str = "") -> HTMLResponse:
    tabs = [tab for tab in TABS if session.user.is_admin or not tab.admin_only]
    tab = next((t for t in tabs if t.slug == liste), tabs[0])
    q = q.strip()[:200]
    wanted = WorklistFilter(search=q, procedure=procedure or None, page=page,
                            warnings=WARNING_FILTERS.get(avertissements) if tab.worklist == Worklist.ready else None)
    listed: WorklistPage = worklists_of(request).page(tab.worklist, wanted)
    # The query string of this view, for the tabs (without the page) and the pager.
    kept = {"q": q, "procedure": procedure, "avertissements": avertissements if tab.worklist == Worklist.ready else ""}

    def link(slug: str, page_number: int = 1) -> str:
        query = {k: v for k, v in {"liste": slug, **kept}.items() if v}
        if page_number > 1:
            query["page"] = str(page_number)
        return "/?" + urlencode(query) if query else "/"

    return render(request, "queue.html", {
        "tabs": tabs, "tab": tab, "listed": listed, "wanted": wanted, "q": q, "avertissements": avertissements,
        "procedures": worklists_of(request).procedures(), "link": link, "waited": waited, "paris_time": paris_time,
        "notice": NOTICES.get(notice), "me": session.user.name, "missing_page": missing_page(page, listed),
    })
