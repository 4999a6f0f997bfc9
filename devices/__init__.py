"""Device drivers without Qt: each area has its own package; virtual/ holds their twins."""
