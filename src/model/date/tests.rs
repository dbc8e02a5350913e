use super::{End, PassageDate};

fn read(s: &str) -> PassageDate {
    PassageDate::read(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

#[test]
fn todays_three_precisions_load_unchanged_and_round_trip() {
    for s in ["2012", "2010-09", "2012-03-01"] {
        assert_eq!(read(s).to_string(), s);
    }
    assert_eq!(read("2012-03-01").long(), "1 March 2012");
    assert_eq!(read("2010-09").long(), "September 2010");
    assert!(!read("2012").is_interval());
}

#[test]
fn edtf_level_1_forms_round_trip_and_read_in_words() {
    for (s, words) in [
        ("2009/..", "since 2009"),
        ("2005/2010", "from 2005 to 2010"),
        ("2012~", "about 2012"),
        ("2010?", "2010 (uncertain)"),
        ("2010%", "about 2010 (uncertain)"),
        ("2010-09~", "about September 2010"),
        ("201X", "the 2010s"),
        ("20XX", "2000–2099"),
        ("2001-21", "spring 2001"),
        ("../2010", "until 2010"),
        ("2009/", "from 2009 (end unknown)"),
        ("/2010-06", "until June 2010 (start unknown)"),
        ("2004-XX", "2004"),
    ] {
        let d = read(s);
        assert_eq!(d.to_string(), s, "saved as written");
        assert_eq!(d.long(), words, "{s} in words");
        assert_eq!(
            PassageDate::parse(&d.to_string()),
            Some(d),
            "{s} reads back"
        );
    }
    assert!(read("2012~").is_approximate() && !read("2012~").is_uncertain());
    assert!(read("2010?").is_uncertain());
    assert!(read("2009/..").is_interval());
}

#[test]
fn refuses_what_is_not_a_level_0_or_1_date_with_a_reason() {
    for s in [
        "",
        "12",
        "2012-13",
        "2012-3",
        "2012-03-32",
        "2012-02-30",
        "2012-03-01-02",
        "soon",
        "2010/2005",
    ] {
        assert_eq!(PassageDate::parse(s), None, "{s}");
    }
    let level2 = PassageDate::read("{2010,2012}").expect_err("a set is level 2");
    assert!(level2.contains("level 2"), "{level2}");
    let time = PassageDate::read("2012-03-01T10:00:00").expect_err("no time of day");
    assert!(time.contains("time of day"), "{time}");
    let bad = PassageDate::read("2012-13").expect_err("no month 13");
    assert!(
        bad.contains("“2012-13”") && bad.contains("2009/.."),
        "{bad}"
    );
}

#[test]
fn ends_on_the_time_axis() {
    let year = read("2012");
    assert_eq!(year.start(), End::At(2012.0));
    assert_eq!(year.end(), End::At(2013.0));
    assert!((year.as_year_f64() - 2012.5).abs() < 1e-9);
    let since = read("2009/..");
    assert_eq!(since.start(), End::At(2009.0));
    assert_eq!(since.end(), End::Open);
    assert!(
        (since.as_year_f64() - 2009.0).abs() < 1e-9,
        "a bar starts at its start"
    );
    assert_eq!(read("2009/").end(), End::Unknown);
    assert_eq!(read("../2010").start(), End::Open);
    assert_eq!((since.first_year(), since.last_year()), (Some(2009), None));
    let span = read("2005/2010");
    assert_eq!(
        (span.first_year(), span.last_year()),
        (Some(2005), Some(2010))
    );
    // A month sits inside its year.
    let sept = read("2010-09").as_year_f64();
    assert!(sept > 2010.66 && sept < 2010.75, "{sept}");
}

#[test]
fn after_compares_what_the_dates_can_mean() {
    let article = read("2012-03-01");
    assert!(read("2013").starts_after(&article));
    assert!(
        !read("2012").starts_after(&article),
        "2012 may be before March"
    );
    assert!(!read("2009/..").starts_after(&article));
    assert!(
        !read("../2014").starts_after(&article),
        "an open start may be earlier"
    );
}

mod find {
    use super::PassageDate;

    fn found(text: &str) -> Option<String> {
        PassageDate::find_in(text).map(|d| d.to_string())
    }

    #[test]
    fn a_sentence_s_date_is_found_as_precisely_as_it_is_written() {
        assert_eq!(
            found("Talks resumed in January 2022 in Astana."),
            Some("2022-01".into())
        );
        assert_eq!(
            found("On 3 March 2021, the deal was signed."),
            Some("2021-03-03".into())
        );
        assert_eq!(
            found("On March 3, 2021 the deal was signed."),
            Some("2021-03-03".into())
        );
        assert_eq!(
            found("Signed on Sept. 12th 2013 in Astana"),
            Some("2013-09-12".into())
        );
        assert_eq!(
            found("The pipeline opened (2009-12-14)."),
            Some("2009-12-14".into())
        );
        assert_eq!(found("By mid-2010 the line was full."), Some("2010".into()));
        assert_eq!(found("It fell in 2011."), Some("2011".into()));
    }

    #[test]
    fn a_sentence_s_since_span_and_about_keep_their_shape() {
        assert_eq!(
            found("Trade has doubled since 2001."),
            Some("2001/..".into())
        );
        assert_eq!(
            found("China has been its second-largest partner since 2009 and more since 2010."),
            Some("2009/..".into())
        );
        assert_eq!(
            found("Since March 2010 the border is shut."),
            Some("2010-03/..".into())
        );
        assert_eq!(
            found("From 2005 to 2010 the line was built."),
            Some("2005/2010".into())
        );
        assert_eq!(
            found("between 2005 and 2008, prices rose"),
            Some("2005/2008".into())
        );
        assert_eq!(
            found("In the years 2005–2010 it grew."),
            Some("2005/2010".into())
        );
        assert_eq!(found("It opened around 2012."), Some("2012~".into()));
        assert_eq!(found("It was built c. 1998."), Some("1998~".into()));
        assert_eq!(
            found("From 2010 on, it grew."),
            Some("2010".into()),
            "no end: a year"
        );
    }

    #[test]
    fn numbers_that_are_not_dates_are_left_alone() {
        assert_eq!(found("Russia sent 2000 troops."), None);
        assert_eq!(found("May they agree? The SCO has 6 members."), None);
        assert_eq!(found("No date here at all."), None);
        assert_eq!(found("It cost $1,500 million."), None);
        assert_eq!(found("A Sino-Kazakh pipeline."), None);
    }
}
