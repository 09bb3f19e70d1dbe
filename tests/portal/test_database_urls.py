"""DATABASE_URL in libpq's multi-host form: the app servers find the primary among the hosts after a failover."""

from portal.database_urls import database_from_url


def test_every_host_and_port_is_passed_to_libpq_with_the_session_attribute():
    database = database_from_url("postgres://portal:secret@db1:5433,db2/portal?target_session_attrs=read-write")
    assert (database["HOST"], database["PORT"]) == ("db1,db2", "5433,5432")
    assert (database["NAME"], database["USER"], database["PASSWORD"]) == ("portal", "portal", "secret")
    assert database["OPTIONS"]["target_session_attrs"] == "read-write"


def test_one_host_is_read_as_before_with_a_connect_timeout():
    database = database_from_url("postgres://portal@db1:5433/portal")
    assert (database["HOST"], database["PORT"]) == ("db1", 5433)
    assert database["OPTIONS"]["connect_timeout"] == 3
    assert database["CONN_HEALTH_CHECKS"] is True


def test_sqlite_is_left_alone():
    database = database_from_url("sqlite:///portal.sqlite3")
    assert database["ENGINE"] == "django.db.backends.sqlite3" and "OPTIONS" not in database
