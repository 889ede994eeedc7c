def test_create_and_list_tags(client) -> None:
    for name in ("zeta", "alpha"):
        response = client.post("/tags/", json={"name": name})
        assert response.status_code == 201, response.text
        assert response.json()["name"] == name

    # Listed alphabetically.
    assert [t["name"] for t in client.get("/tags/").json()] == ["alpha", "zeta"]


def test_duplicate_tag_is_a_conflict(client) -> None:
    assert client.post("/tags/", json={"name": "dup"}).status_code == 201
    response = client.post("/tags/", json={"name": "dup"})
    assert response.status_code == 409
    assert response.json() == {"detail": "Tag already exists"}


def test_tag_name_is_validated(client) -> None:
    assert client.post("/tags/", json={"name": "Not Valid!"}).status_code == 422
    assert client.post("/tags/", json={"name": ""}).status_code == 422


def test_items_of_a_tag(client, make_item) -> None:
    a = make_item(title="A")
    b = make_item(title="B")
    make_item(title="C")
    for item in (b, a):
        client.post(f"/items/{item['id']}/tags", json={"name": "sale"})

    response = client.get("/tags/sale/items")
    assert response.status_code == 200
    assert [i["title"] for i in response.json()] == ["A", "B"]
    assert client.get("/tags/unknown/items").status_code == 404


def test_delete_tag_untags_items(client, make_item) -> None:
    item = make_item()
    tagged = client.post(f"/items/{item['id']}/tags", json={"name": "old"}).json()
    tag_id = tagged["tags"][0]["id"]

    response = client.delete(f"/tags/{tag_id}")
    assert response.status_code == 200
    assert response.json() == {"message": "Tag 'old' deleted"}
    assert client.get(f"/items/{item['id']}").json()["tags"] == []
    assert client.delete(f"/tags/{tag_id}").json() == {"detail": "Tag not found"}
