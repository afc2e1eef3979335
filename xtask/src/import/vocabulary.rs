//! The words each language's documents use for what the importer reads:
//! the names of table columns and of the sections it looks in. This is the
//! one place to teach the importer a renamed column or a new section.
//!
//! Names are matched after the readers' normalization (one space for any
//! run of white space), ignoring ASCII case.

/// What a table column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// An error code's HTTP status.
    Status,
    /// The error code: the key column of the error codes table.
    Code,
    /// The message template the service sends.
    Message,
    /// Why the error happens.
    Cause,
    /// What to do about it.
    Solution,
    /// A region's name: the key column of an endpoints table.
    Region,
    /// A region's id.
    RegionId,
    /// A region's endpoint on the network its section names.
    Endpoint,
    /// A region's public endpoint.
    PublicEndpoint,
    /// A region's internal endpoint.
    InternalEndpoint,
}

/// The part of a page a block is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Before any section the importer knows, or in one it reads past.
    Other,
    /// Where the error body's format is.
    ErrorFormat,
    /// The domain name format and its example.
    DomainFormat,
    /// The public endpoints table.
    PublicEndpoints,
    /// The internal endpoints table.
    InternalEndpoints,
}

/// One language's words.
#[derive(Debug)]
pub struct Vocabulary {
    /// `en` or `zh`, as in the spec.
    pub lang: &'static str,
    /// Section titles (headings, or bare lines in the Chinese export).
    sections: &'static [(&'static str, Section)],
    /// Column names, with every variant the documents use.
    columns: &'static [(&'static str, Column)],
}

/// The English documents.
pub const EN: Vocabulary = Vocabulary {
    lang: "en",
    sections: &[
        ("Legal disclaimer", Section::Other),
        ("Document conventions", Section::Other),
        ("Table of Contents", Section::Other),
        ("1. Error codes", Section::Other),
        ("Error codes", Section::Other),
        ("Error code format", Section::ErrorFormat),
        ("Common error codes", Section::Other),
        ("2.Endpoints", Section::Other),
        ("2. Endpoints", Section::Other),
        ("Domain name format", Section::DomainFormat),
        ("Obtain an Alibaba Cloud account ID", Section::Other),
        ("Endpoints", Section::Other),
        ("Public endpoints", Section::PublicEndpoints),
        ("Internal endpoints", Section::InternalEndpoints),
        ("References", Section::Other),
    ],
    columns: &[
        ("HTTP status code", Column::Status),
        ("Error code", Column::Code),
        ("Error message", Column::Message),
        ("Cause", Column::Cause),
        ("Description", Column::Cause),
        ("Solution", Column::Solution),
        ("Region", Column::Region),
        ("Region ID", Column::RegionId),
        ("Endpoint", Column::Endpoint),
        ("Public endpoint", Column::PublicEndpoint),
        ("Internal endpoint", Column::InternalEndpoint),
    ],
};

/// The Chinese documents.
pub const ZH: Vocabulary = Vocabulary {
    lang: "zh",
    sections: &[
        ("法律声明", Section::Other),
        ("通用约定", Section::Other),
        ("目录", Section::Other),
        ("1. 错误码列表", Section::Other),
        ("错误码列表", Section::Other),
        ("错误码格式", Section::ErrorFormat),
        ("通用错误码", Section::Other),
        ("2. 服务地址", Section::Other),
        ("域名格式", Section::DomainFormat),
        ("获取账号ID", Section::Other),
        ("服务地址", Section::Other),
        ("公网服务地址", Section::PublicEndpoints),
        ("内网服务地址", Section::InternalEndpoints),
        ("相关链接", Section::Other),
    ],
    columns: &[
        ("HTTP 状态码", Column::Status),
        ("HTTP 状态码 (Status Code)", Column::Status),
        ("错误码", Column::Code),
        ("错误码 (Error Code)", Column::Code),
        ("错误信息", Column::Message),
        ("错误原因", Column::Cause),
        ("解决方案", Column::Solution),
        ("地域", Column::Region),
        ("地域ID", Column::RegionId),
        ("地域 ID", Column::RegionId),
        ("服务接入地址", Column::Endpoint),
        ("公网Endpoint", Column::PublicEndpoint),
        ("公网 Endpoint", Column::PublicEndpoint),
        ("内网Endpoint", Column::InternalEndpoint),
        ("内网 Endpoint", Column::InternalEndpoint),
    ],
};

/// Where a maintainer teaches the importer a new name.
pub const WHERE_TO_TEACH: &str = "xtask/src/import/vocabulary.rs";

impl Vocabulary {
    /// The column a header cell names.
    pub fn column(&self, header: &str) -> Option<Column> {
        self.columns
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(header.trim()))
            .map(|&(_, column)| column)
    }

    /// The names a column goes by, for a report.
    pub fn names_of(&self, column: Column) -> Vec<&'static str> {
        self.columns
            .iter()
            .filter(|(_, known)| *known == column)
            .map(|&(name, _)| name)
            .collect()
    }

    /// The section a title starts, if the importer knows it.
    pub fn section(&self, title: &str) -> Option<Section> {
        self.sections
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(title.trim()))
            .map(|&(_, section)| section)
    }

    /// What reports call a section.
    pub fn section_name(&self, section: Section) -> &'static str {
        self.sections
            .iter()
            .find(|(_, known)| *known == section)
            .map_or("(unnamed)", |&(name, _)| name)
    }
}
