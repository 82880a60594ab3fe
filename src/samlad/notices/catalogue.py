"""The starting catalogue of notice categories; platform administrators edit it afterwards."""

CATEGORIES = [
    ("vadervarning", "Vädervarning", "Weather warning", "Met"),
    (
        "samhallsviktig-verksamhet",
        "Störning i samhällsviktig verksamhet",
        "Disruption of critical services",
        "Infra",
    ),
    ("trafik", "Trafik och transporter", "Traffic and transport", "Transport"),
    ("halsa", "Hälsa och smittskydd", "Health and infection control", "Health"),
    ("brand-raddning", "Brand och räddning", "Fire and rescue", "Fire"),
    ("sakerhet", "Säkerhet och ordning", "Security and public order", "Security"),
    ("miljo", "Miljö och farliga ämnen", "Environment and hazardous substances", "Env"),
    ("kommunikation", "Kommunikation och media", "Communication and media", "Other"),
    ("ovrigt", "Övrigt", "Other", "Other"),
]


def load_categories(Category) -> None:
    """Create the catalogue's categories that are missing (idempotent; edits are kept)."""
    for slug, name_sv, name_en, cap_category in CATEGORIES:
        Category.objects.get_or_create(
            slug=slug,
            defaults={"name_sv": name_sv, "name_en": name_en, "cap_category": cap_category},
        )
