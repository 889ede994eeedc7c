from app import crud, schemas
from app.core.config import settings

TAGS_URL = f"{settings.API_V1_STR}/tags"


def test_create_tag_normalizes_name(client, make_user) -> None:
    _, headers = make_user()
    response = client.post(f"{TAGS_URL}/", json={"name": "  Dessert "}, headers=headers)
    assert response.status_code == 201
    assert response.json()["name"] == "dessert"

    response = client.post(f"{TAGS_URL}/", json={"name": "DESSERT"}, headers=headers)
    assert response.status_code == 409
    assert client.post(f"{TAGS_URL}/", json={"name": "   "}, headers=headers).status_code == 422


def test_create_tag_requires_user(client) -> None:
    assert client.post(f"{TAGS_URL}/", json={"name": "brunch"}).status_code == 401


def test_list_tags(client, db) -> None:
    for name in ("b", "a"):
        crud.tag.create(db, obj_in=schemas.TagCreate(name=name))
    response = client.get(f"{TAGS_URL}/")
    assert response.status_code == 200
    assert [tag["name"] for tag in response.json()] == ["b", "a"]


def test_recipes_by_tag(client, make_user, post_recipe) -> None:
    _, headers = make_user()
    post_recipe(headers, title="Brownies", tags=["dessert", "baking"])
    post_recipe(headers, title="Bread", tags=["baking"])
    post_recipe(headers, title="Sorbet", tags=["dessert"])

    response = client.get(f"{TAGS_URL}/Baking/recipes")
    assert response.status_code == 200
    assert [recipe["title"] for recipe in response.json()] == ["Brownies", "Bread"]
    assert client.get(f"{TAGS_URL}/unknown/recipes").status_code == 404


def test_get_or_create_many_reuses_existing(db) -> None:
    existing = crud.tag.create(db, obj_in=schemas.TagCreate(name="Spicy"))
    tags = crud.tag.get_or_create_many(db, names=["spicy", "mild", "mild"])
    assert [tag.name for tag in tags] == ["spicy", "mild"]
    assert tags[0] is existing
    db.commit()
    assert crud.tag.count(db) == 2
