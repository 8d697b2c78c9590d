"""Union-find over integer items: connected components whatever the order of the unions."""

from __future__ import annotations

from collections import defaultdict


class UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        parent = self.parent
        root = item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:  # path compression
            parent[item], item = root, parent[item]
        return root

    def union(self, a: int, b: int) -> bool:
        """Join the sets of a and b; False when they were already one."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        # The smaller index becomes the root: components do not depend on union order anyway,
        # this only keeps roots stable and trees shallow enough.
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        return True

    def components(self) -> list[list[int]]:
        """Every component, as a sorted list of items, ordered by smallest item."""
        groups: dict[int, list[int]] = defaultdict(list)
        for item in range(len(self.parent)):
            groups[self.find(item)].append(item)
        return sorted(groups.values(), key=lambda members: members[0])
