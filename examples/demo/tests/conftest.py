import pytest

from demo import Cart


@pytest.fixture
def cart():
    return Cart()


@pytest.fixture(scope="module")
def catalog():
    return {"apple": 0.5, "bread": 2.25, "milk": 1.1}
