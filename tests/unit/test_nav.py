"""The sidebar window of a large section (kb/nav.py), on plain lists."""
from kb.nav import window


class Entry:
    def __init__(self, name, is_index=False):
        self.name, self.is_index = name, is_index

    def __repr__(self):
        return self.name


def names(entries):
    return [e.name for e in entries]


INDEX = Entry("index", is_index=True)
PAGES = [Entry(str(n)) for n in range(100)]


def test_window_centres_on_the_current_entry_and_keeps_the_index_first():
    assert names(window([INDEX, *PAGES], 51, size=3)) == ["index", "47", "48", "49", "50", "51", "52", "53"]


def test_window_shifts_at_either_end_to_keep_its_size():
    children = [INDEX, *PAGES]
    assert names(window(children, 1, size=3)) == ["index", "0", "1", "2", "3", "4", "5", "6"]
    assert names(window(children, 0, size=3)) == ["index", "0", "1", "2", "3", "4", "5", "6"]  # the index itself
    assert names(window(children, 100, size=3)) == ["index", "93", "94", "95", "96", "97", "98", "99"]


def test_window_without_an_index_page_keeps_the_first_entry():
    # Material's tabs link a section to its first entry: it stays, whatever page is open.
    assert names(window(PAGES[:10], 5, size=2)) == ["0", "3", "4", "5", "6", "7"]
    assert names(window(PAGES[:10], 0, size=2)) == ["0", "1", "2", "3", "4", "5"]
