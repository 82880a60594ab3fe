"""The worker's side of the outbox: the send task and the periodic sweep (tasks), a round of
sending (sending), claiming rows (claims), one attempt (attempts), the journal of acceptances
(journal), writing outcomes down (record), the other channel (fallback) and provider health
(health). Domain apps never import from here: they write through samlad.notify.outbox and read
through samlad.notify.selectors."""
