#!/usr/bin/env python3
"""Makes the aligner's "book" benchmark from the Text+Berg dev set.

The book is the dev set repeated 22 times (10,296 German sentences). On the French side every
sentence is dropped with probability 0.02 (first draw) or else merged into the previous kept
sentence (joined with a space) with probability 0.02 (second draw), drawn with Python's `random`
seeded with 7, so the target side drifts away from the diagonal the way a real translation does
(10,296 x 11,679 sentences). The gold alignment of the dev set is carried through: each copy's
beads are shifted, dropped target sentences are removed from their bead, and beads that end up
sharing a merged target sentence are joined into one (9,065 beads).

Usage: make-book.py DEV_DIR OUT_DIR   (writes OUT_DIR/book.de, book.fr, book.defr)
"""

import os
import random
import re
import sys

COPIES = 22
DROP = 0.02
MERGE = 0.02
SEED = 7


def read_gold(path):
    beads = []
    pattern = re.compile(r'^\s*\[([0-9,\s]*)\]\s*:\s*\[([0-9,\s]*)\]')
    with open(path, encoding='utf-8') as f:
        for line in f:
            match = pattern.match(line)
            if not match:
                continue
            side = lambda text: [int(t) for t in text.split(',') if t.strip()]
            beads.append((side(match.group(1)), side(match.group(2))))
    return beads


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    dev, out = sys.argv[1], sys.argv[2]
    with open(os.path.join(dev, 'dev.de'), encoding='utf-8') as f:
        source = f.read().splitlines()
    with open(os.path.join(dev, 'dev.fr'), encoding='utf-8') as f:
        target = f.read().splitlines()
    gold = read_gold(os.path.join(dev, 'dev.defr'))
    random.seed(SEED)
    book_source, book_target, book_gold = [], [], []
    for copy in range(COPIES):
        source_offset = copy * len(source)
        book_source.extend(source)
        # new_index[j]: the book line that holds dev target line j of this copy (None: dropped).
        new_index = []
        for line in target:
            if random.random() < DROP:
                new_index.append(None)
            elif random.random() < MERGE and book_target:
                book_target[-1] = book_target[-1] + ' ' + line
                new_index.append(len(book_target) - 1)
            else:
                book_target.append(line)
                new_index.append(len(book_target) - 1)
        for src, tgt in gold:
            mapped = sorted({new_index[j] for j in tgt if new_index[j] is not None})
            book_gold.append(([i + source_offset for i in src], mapped))
    # Join beads that share a target line (a merge glued two beads' sentences together).
    parent = list(range(len(book_gold)))

    def root(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    owner = {}
    for k, (src, tgt) in enumerate(book_gold):
        for j in tgt:
            if j in owner:
                parent[root(k)] = root(owner[j])
            else:
                owner[j] = k
    groups = {}
    for k, (src, tgt) in enumerate(book_gold):
        group = groups.setdefault(root(k), (set(), set()))
        group[0].update(src)
        group[1].update(tgt)
    joined = [(sorted(s), sorted(t)) for s, t in groups.values() if s or t]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, 'book.de'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(book_source) + '\n')
    with open(os.path.join(out, 'book.fr'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(book_target) + '\n')
    with open(os.path.join(out, 'book.defr'), 'w', encoding='utf-8') as f:
        for src, tgt in joined:
            f.write('[%s]:[%s]\n' % (', '.join(map(str, src)), ', '.join(map(str, tgt))))
    print('%d x %d sentences, %d gold beads' % (len(book_source), len(book_target), len(joined)))


if __name__ == '__main__':
    main()
