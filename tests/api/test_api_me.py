"""GET /api/v1/me/: who I am, for which actor, in which functions, and how I sign in."""


def test_me_shows_the_user_the_actor_and_the_functions(api_for, user, actor):
    body = api_for("tib").get("/api/v1/me/").json()
    tib = user("tib")
    assert body["public_id"] == str(tib.public_id)
    assert body["username"] == "tib"
    assert body["phone"] == tib.phone.as_e164
    assert body["actor"] == {
        "public_id": str(actor("lansstyrelsen").public_id),
        "name": actor("lansstyrelsen").name,
        "slug": "lansstyrelsen",
    }
    assert {f["kind"] for f in body["functions"]} == {"tib", "contact"}
    assert body["can_read_confidential"] is True
    assert body["is_platform_admin"] is False
    assert body["is_permission_admin"] is False
    assert body["two_factor"] == {"enabled": False, "required": False}


def test_a_permission_administrator_is_told_that_two_factor_is_required(api_for):
    body = api_for("nacka.admin").get("/api/v1/me/").json()
    assert body["is_permission_admin"] is True
    assert body["two_factor"] == {"enabled": True, "required": True}
    assert [f["label"] for f in body["functions"]] == ["Behörighetsadministratör"]


def test_function_labels_follow_the_language(api_for):
    body = api_for("nacka.admin").get("/api/v1/me/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert [f["label"] for f in body["functions"]] == ["Permission administrator"]


def test_the_platform_administrator_is_shown_as_one(api_for):
    assert api_for("kansli").get("/api/v1/me/").json()["is_platform_admin"] is True


def test_me_without_credentials_is_refused(api, problem):
    response = api.get("/api/v1/me/")
    assert problem(response, 401)["code"] == "not_authenticated"
    assert response["WWW-Authenticate"] == "Token"


def test_a_made_up_token_is_refused(api, problem):
    response = api.get("/api/v1/me/", HTTP_AUTHORIZATION="Token " + "0" * 64)
    assert problem(response, 401)["code"] == "authentication_failed"
