#!/bin/sh
# Open a draft pull request with the pages `python -m kb from-issue` wrote (make from-issue, in the workflow
# .github/workflows/from-issue.yml). $1: the folder with `branch`, `title` and `body.md`. Needs GH_TOKEN.
# The values come from files and reach git and gh as quoted arguments, never as shell code.
set -eu
dir=$1
branch=$(cat "$dir/branch")
title=$(cat "$dir/title")
git switch -c "$branch"
git add -- docs
git -c user.name="github-actions[bot]" -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \
  commit -q -m "$title" -m "Drafted by python -m kb from-issue."
gh auth setup-git
git push -q origin "$branch"
gh pr create --draft --head "$branch" --title "$title" --body-file "$dir/body.md"
