-- Placeholder kept only on branch issue-5 so migrations stay numbered 1..n without a gap.
-- Number 0002 belongs to issue 3's migration: delete this file when that branch is merged.
SELECT 1;
