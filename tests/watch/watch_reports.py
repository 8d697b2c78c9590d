"""Short reports written for the watch tests (our own words), as (title, paragraphs)."""

VISIT_EN = ("Indian defence minister visits Hanoi",
            ["India's defence minister arrived in Hanoi on Tuesday for a two-day official visit "
             "to Vietnam, the Indian defence ministry said.",
             "The minister met his Vietnamese counterpart and the two sides discussed maritime "
             "security and the training of naval officers."])
VISITE_FR = ("Le ministre sénégalais de la Défense en visite à Nouakchott",
             ["Le ministre sénégalais des Forces armées s'est rendu mardi à Nouakchott pour une "
              "visite officielle de deux jours en Mauritanie.",
              "Il a été reçu par son homologue mauritanien. Les deux ministres ont examiné la "
              "coopération militaire entre les deux pays."])
TALKS_EN = ("Japan and Australia hold defence talks",
            ["Japan's defence minister met his Australian counterpart in Canberra on Monday, "
             "the Japanese embassy said.",
             "The two ministers discussed joint exercises in the Pacific."])
TALKS_EN_CHANGED = ("Japan and Australia sign defence pact",
                    ["Japan and Australia signed a defence cooperation agreement in Canberra on "
                     "Monday, the Japanese embassy said.",
                     "The agreement covers joint exercises in the Pacific."])
