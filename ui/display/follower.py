"""The hall display's event follower: reads on to the newest event, whatever the burst.

`queue.EventFollower` reads one page (500 events) past its cursor, and its cursor only moves past
events seen SETTLE_SECONDS (30 s) ago. A burst of more than 500 events in 30 s therefore kept the
rest back for 30 s, and a steady 20 events/s (600 in 30 s) fell further behind with every poll.
This one reads page after page from the cursor until it reaches the end; the settling (late commits
on PostgreSQL still delivered, each event once) is the core follower's, unchanged.

TODO(core): the same loop belongs in `EventFollower.poll`; then this module can go.
"""

from __future__ import annotations

from datetime import UTC, datetime

from hallapp.services import queue
from hallapp.services.queue import QueueEvent

MAX_PAGES = 40  # 20,000 events a poll at most: no hall makes that many in SETTLE_SECONDS


class PagingFollower(queue.EventFollower):
    def poll(self) -> list[QueueEvent]:
        fresh: list[QueueEvent] = []
        after = self.after_id
        for _ in range(MAX_PAGES):
            page = queue.events_since(self.db, self.hall_id, after, self.actions, self.counter_number)
            if not page:
                break
            fresh.extend(e for e in page if e.id not in self.seen)
            after = page[-1].id
        now = datetime.now(UTC)
        for event in fresh:
            self.seen[event.id] = now
        settled = [i for i, seen_at in self.seen.items() if (now - seen_at).total_seconds() > queue.SETTLE_SECONDS]
        if settled:
            self.after_id = max(self.after_id, max(settled))
            for i in settled:
                del self.seen[i]
        return sorted(fresh, key=lambda e: e.id)
