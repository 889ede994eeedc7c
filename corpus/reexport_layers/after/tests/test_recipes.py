from src.recipes import service as recipe_service
from src.tags import service as tag_service
from src.config import settings

RECIPES_URL = f"{settings.API_V1_STR}/recipes"


def test_create_recipe_with_tags(client, db, make_user) -> None:
    user, headers = make_user()
    payload = {"title": "Chili", "servings": 4, "tags": ["Spicy", " vegan", "spicy"]}
    response = client.post(f"{RECIPES_URL}/", json=payload, headers=headers)
    assert response.status_code == 201
    body = response.json()
    assert body["owner_id"] == user.id
    assert body["servings"] == 4
    # Tag names are normalized and de-duplicated.
    assert sorted(tag["name"] for tag in body["tags"]) == ["spicy", "vegan"]
    assert tag_service.tag.count(db) == 2


def test_create_recipe_requires_user_and_valid_payload(client, make_user) -> None:
    assert client.post(f"{RECIPES_URL}/", json={"title": "Toast"}).status_code == 401
    _, headers = make_user()
    bad = {"title": "Toast", "servings": 0}
    assert client.post(f"{RECIPES_URL}/", json=bad, headers=headers).status_code == 422


def test_existing_tags_are_reused(client, make_user, post_recipe) -> None:
    _, headers = make_user()
    first = post_recipe(headers, title="Curry", tags=["spicy"])
    second = post_recipe(headers, title="Wings", tags=["SPICY", "snack"])
    spicy_ids = {tag["id"] for tag in first["tags"] + second["tags"] if tag["name"] == "spicy"}
    assert len(spicy_ids) == 1


def test_read_and_list_recipes(client, make_user, post_recipe) -> None:
    _, headers = make_user()
    for title in ("One", "Two", "Three"):
        post_recipe(headers, title=title)

    response = client.get(f"{RECIPES_URL}/", params={"skip": 1, "limit": 1})
    assert response.status_code == 200
    assert [recipe["title"] for recipe in response.json()] == ["Two"]

    recipe_id = response.json()[0]["id"]
    assert client.get(f"{RECIPES_URL}/{recipe_id}").json()["title"] == "Two"
    response = client.get(f"{RECIPES_URL}/12345")
    assert response.status_code == 404
    assert response.json() == {"detail": "Recipe not found"}


def test_update_recipe_replaces_tags(client, make_user, post_recipe) -> None:
    _, owner_headers = make_user()
    _, other_headers = make_user()
    recipe = post_recipe(owner_headers, title="Draft", tags=["quick"])
    url = f"{RECIPES_URL}/{recipe['id']}"

    assert client.put(url, json={"title": "Hijacked"}, headers=other_headers).status_code == 403

    response = client.put(url, json={"title": "Final", "tags": ["slow"]}, headers=owner_headers)
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Final"
    assert [tag["name"] for tag in body["tags"]] == ["slow"]

    response = client.put(url, json={"servings": 6}, headers=owner_headers)
    assert response.json()["tags"] == body["tags"]


def test_delete_recipe(client, db, make_user, post_recipe) -> None:
    _, owner_headers = make_user()
    _, other_headers = make_user()
    recipe = post_recipe(owner_headers, tags=["breakfast"])
    url = f"{RECIPES_URL}/{recipe['id']}"

    assert client.delete(url, headers=other_headers).status_code == 403
    assert client.delete(url, headers=owner_headers).status_code == 204
    assert client.get(url).status_code == 404
    assert recipe_service.recipe.get(db, id=recipe["id"]) is None
    # Tags outlive the recipes that used them.
    assert tag_service.tag.get_by_name(db, name="breakfast") is not None
