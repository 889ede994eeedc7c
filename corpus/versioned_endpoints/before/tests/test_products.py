from app.core.config import settings
from app.repositories.product_repository import ProductRepository
from app.schemas.product import ProductCreate

PRODUCTS_URL = f"{settings.API_V1_PREFIX}/products"


def test_create_and_read_product(client, create_product) -> None:
    product = create_product(sku="TEE-M", price_cents=1999, stock=3)
    assert product["price_cents"] == 1999

    response = client.get(f"{PRODUCTS_URL}/{product['id']}")
    assert response.status_code == 200
    assert response.json() == product


def test_duplicate_sku_conflicts(client, create_product) -> None:
    create_product(sku="TEE-M")
    payload = {"sku": "TEE-M", "name": "Again", "price_cents": 100}
    assert client.post(f"{PRODUCTS_URL}/", json=payload).status_code == 409


def test_negative_price_is_unprocessable(client) -> None:
    payload = {"sku": "BAD", "name": "Bad", "price_cents": -5}
    assert client.post(f"{PRODUCTS_URL}/", json=payload).status_code == 422


def test_list_products_in_stock_only(client, create_product) -> None:
    create_product(sku="A", stock=0)
    create_product(sku="B", stock=2)
    listed = client.get(f"{PRODUCTS_URL}/", params={"in_stock": True}).json()
    assert [product["sku"] for product in listed] == ["B"]


def test_update_stock(client, create_product) -> None:
    product = create_product(stock=1)
    response = client.put(f"{PRODUCTS_URL}/{product['id']}/stock", json={"stock": 42})
    assert response.status_code == 200
    assert response.json()["stock"] == 42
    assert client.put(f"{PRODUCTS_URL}/999/stock", json={"stock": 1}).status_code == 404


def test_repository_lookup_by_sku(db) -> None:
    # The repository is usable without the HTTP layer, e.g. from scripts.
    repository = ProductRepository(db)
    created = repository.create(ProductCreate(sku="PEN-1", name="Pen", price_cents=150, stock=5))
    assert repository.get_by_sku("PEN-1").id == created.id
    assert repository.get_by_sku("missing") is None
