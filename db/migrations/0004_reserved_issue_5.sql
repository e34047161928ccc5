-- Placeholder kept only on branch issue-9 so migrations stay numbered 1..n without a gap.
-- Number 0004 belongs to issue 5's migration: delete this file when that branch is merged.
SELECT 1;
