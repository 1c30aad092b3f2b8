"""The sidebar window of a large section (kb/nav.py), on plain lists."""
from kb.nav import window


def test_window_centres_on_the_current_entry_and_keeps_the_index_first():
    index, *pages = ["index", *range(100)]
    children = [index, *pages]
    assert window(children, children.index(50), index, size=3) == ["index", 47, 48, 49, 50, 51, 52, 53]


def test_window_shifts_at_either_end_to_keep_its_size():
    children = ["index", *range(100)]
    assert window(children, 1, "index", size=3) == ["index", 0, 1, 2, 3, 4, 5, 6]
    assert window(children, 0, "index", size=3) == ["index", 0, 1, 2, 3, 4, 5, 6]  # the index page itself
    assert window(children, 100, "index", size=3) == ["index", 93, 94, 95, 96, 97, 98, 99]


def test_window_without_an_index_entry():
    children = list(range(10))
    assert window(children, 5, None, size=2) == [3, 4, 5, 6, 7]
