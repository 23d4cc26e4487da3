import pytest

from demo import Cart


def test_empty_cart(cart):
    assert cart.total() == 0
    assert cart.count() == 0


def test_add_items(cart, catalog):
    cart.add("apple", catalog["apple"], 4)
    cart.add("bread", catalog["bread"])
    assert cart.total() == 4.25
    assert cart.count() == 5


@pytest.mark.parametrize("quantity,expected", [(1, 1.1), (2, 2.2), (10, 11.0)])
def test_milk(cart, catalog, quantity, expected):
    cart.add("milk", catalog["milk"], quantity)
    assert cart.total() == pytest.approx(expected)


def test_negative_price_rejected(cart):
    with pytest.raises(ValueError, match="negative"):
        cart.add("refund", -1)


class TestRepeatedAdds:
    def test_same_item_accumulates(self, cart):
        cart.add("apple", 0.5)
        cart.add("apple", 0.5, 2)
        assert cart.count() == 3

    @pytest.mark.slow
    def test_many_items(self):
        cart = Cart()
        for i in range(1000):
            cart.add(f"item{i}", 1)
        assert cart.total() == 1000
