def test_create_item_for_user(client, make_user) -> None:
    owner = make_user()
    payload = {"title": "Portal gun", "description": "Slightly used"}
    response = client.post(f"/users/{owner['id']}/items/", json=payload)
    assert response.status_code == 201, response.text
    item = response.json()
    assert item["owner_id"] == owner["id"]
    assert item["tags"] == []
    assert item["updated_at"] is None

    # The item shows up nested in its owner.
    user = client.get(f"/users/{owner['id']}").json()
    assert [i["id"] for i in user["items"]] == [item["id"]]


def test_create_item_for_missing_user_is_404(client) -> None:
    response = client.post("/users/42/items/", json={"title": "Orphan"})
    assert response.status_code == 404
    assert response.json() == {"detail": "User not found"}


def test_read_items_and_single_item(client, make_item) -> None:
    first = make_item(title="First")
    second = make_item(title="Second")

    response = client.get("/items/")
    assert response.status_code == 200
    assert [i["title"] for i in response.json()] == ["First", "Second"]

    assert client.get(f"/items/{second['id']}").json() == second
    assert client.get("/items/", params={"skip": 1}).json() == [second]
    assert first["id"] != second["id"]


def test_missing_item_is_404(client) -> None:
    response = client.get("/items/123")
    assert response.status_code == 404
    assert response.json() == {"detail": "Item not found"}
    assert client.post("/items/123/tags", json={"name": "x"}).status_code == 404


def test_tag_item_creates_tag_once(client, make_item) -> None:
    item = make_item()

    response = client.post(f"/items/{item['id']}/tags", json={"name": "blue"})
    assert response.status_code == 200, response.text
    tagged = response.json()
    assert [t["name"] for t in tagged["tags"]] == ["blue"]
    assert tagged["updated_at"] is not None

    # Tagging again is idempotent and reuses the existing tag.
    again = client.post(f"/items/{item['id']}/tags", json={"name": "blue"}).json()
    assert again["tags"] == tagged["tags"]
    assert len(client.get("/tags/").json()) == 1


def test_filter_items_by_tag(client, make_item) -> None:
    red = make_item(title="Red one")
    make_item(title="Plain one")
    client.post(f"/items/{red['id']}/tags", json={"name": "red"})

    response = client.get("/items/", params={"tag": "red"})
    assert [i["id"] for i in response.json()] == [red["id"]]
