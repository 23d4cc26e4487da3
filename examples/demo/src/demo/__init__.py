"""A tiny library for the fastest example: a shopping cart."""


class Cart:
    def __init__(self):
        self.items = {}

    def add(self, name, price, quantity=1):
        if price < 0:
            raise ValueError("price must not be negative")
        current = self.items.get(name, (price, 0))
        self.items[name] = (price, current[1] + quantity)

    def total(self):
        return round(sum(price * qty for price, qty in self.items.values()), 2)

    def count(self):
        return sum(qty for _, qty in self.items.values())


def slugify(text):
    return "-".join(text.lower().split())
