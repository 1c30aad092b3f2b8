"""Hook: the Content-Security-Policy of every page and of the 404 page, computed from the finished HTML
(kb/csp.py); last, so every other hook's change to a page is in what is hashed."""
from mkdocs.plugins import event_priority

from kb.csp import with_policy
from kb.offline import is_offline_build


@event_priority(-100)
def on_post_page(output, page, config):
    return with_policy(output, is_offline_build(config))


@event_priority(100)  # before page_head keeps the 404 page for the site root (it changes no script or style)
def on_post_template(output, template_name, config):
    return with_policy(output, is_offline_build(config)) if template_name == "404.html" else output
