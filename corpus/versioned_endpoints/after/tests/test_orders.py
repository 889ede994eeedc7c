from src.config import settings
from src.products.models import Product

API = settings.API_V1_PREFIX


def place(client, user_id: int, *lines: tuple[int, int]):
    payload = {
        "user_id": user_id,
        "lines": [{"product_id": pid, "quantity": qty} for pid, qty in lines],
    }
    return client.post(f"{API}/orders/", json=payload)


def test_place_order_reserves_stock_and_totals(client, create_user, create_product) -> None:
    user = create_user()
    mug = create_product(sku="MUG", price_cents=1250, stock=10)
    tee = create_product(sku="TEE", price_cents=2000, stock=1)

    response = place(client, user["id"], (mug["id"], 2), (tee["id"], 1))
    assert response.status_code == 201
    order = response.json()
    assert order["total_cents"] == 2 * 1250 + 2000
    assert order["user"]["email"] == user["email"]
    assert order["lines"][0]["product"]["sku"] == "MUG"
    assert client.get(f"{API}/products/{mug['id']}").json()["stock"] == 8


def test_out_of_stock_conflicts_and_rolls_back(client, db, create_user, create_product) -> None:
    user = create_user()
    mug = create_product(sku="MUG", stock=5)
    tee = create_product(sku="TEE", stock=1)

    response = place(client, user["id"], (mug["id"], 2), (tee["id"], 3))
    assert response.status_code == 409
    assert response.json()["available"] == 1
    # The first line's reservation must not survive the failed order.
    assert db.get(Product, mug["id"]).stock == 5
    assert client.get(f"{API}/users/{user['id']}/orders").json() == []


def test_unknown_product_or_user_is_404(client, create_user, create_product) -> None:
    user = create_user()
    product = create_product()
    assert place(client, user["id"], (999, 1)).status_code == 404
    assert place(client, 999, (product["id"], 1)).status_code == 404


def test_empty_order_is_unprocessable(client, create_user) -> None:
    user = create_user()
    assert place(client, user["id"]).status_code == 422


def test_read_order_and_history(client, create_user, create_product) -> None:
    user = create_user()
    product = create_product(price_cents=500)
    order = place(client, user["id"], (product["id"], 3)).json()

    fetched = client.get(f"{API}/orders/{order['id']}")
    assert fetched.status_code == 200
    assert fetched.json()["lines"][0]["subtotal_cents"] == 1500
    history = client.get(f"{API}/users/{user['id']}/orders").json()
    assert [item["id"] for item in history] == [order["id"]]
    assert client.get(f"{API}/orders/999").status_code == 404


def test_order_keeps_price_at_purchase_time(client, create_user, create_product, db) -> None:
    user = create_user()
    product = create_product(price_cents=700)
    order = place(client, user["id"], (product["id"], 1)).json()

    # A later price change must not rewrite existing orders.
    db.get(Product, product["id"]).price_cents = 900
    db.commit()
    fetched = client.get(f"{API}/orders/{order['id']}").json()
    assert fetched["lines"][0]["unit_price_cents"] == 700
    assert fetched["lines"][0]["product"]["price_cents"] == 900
