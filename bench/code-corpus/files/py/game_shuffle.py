import random


class Deck:
    SUITS = "SHDC"
    RANKS = "A23456789TJQK"

    def __init__(self, seed=None):
        self.rng = random.Random(seed)
        self.cards = [r + s for s in self.SUITS for r in self.RANKS]

    def shuffle(self):
        self.rng.shuffle(self.cards)

    def deal(self, n):
        hand, self.cards = self.cards[:n], self.cards[n:]
        return hand


def retry_delay(attempt: int) -> float:
    base = min(30, 2 ** attempt)
    return base + random.uniform(0, 1)
