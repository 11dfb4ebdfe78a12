//! XPath 1.0 expressions: the syntax tree and a recursive-descent compiler that fails where
//! and how libxml2's `xmlXPathCompileExpr` does (error kind and offset).

/// libxml2's `xmlXPathError` kinds that virsh users can meet; `Display` is libxml2's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrKind {
    UnfinishedLiteral,
    UndefinedVariable,
    InvalidPredicate,
    InvalidExpression,
    Unclosed,
    UnknownFunction,
    InvalidType,
    InvalidArity,
    UndefinedPrefix,
}

impl std::fmt::Display for ErrKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ErrKind::UnfinishedLiteral => "Unfinished literal",
            ErrKind::UndefinedVariable => "Undefined variable",
            ErrKind::InvalidPredicate => "Invalid predicate",
            ErrKind::InvalidExpression => "Invalid expression",
            ErrKind::Unclosed => "Missing closing curly brace",
            ErrKind::UnknownFunction => "Unregistered function",
            ErrKind::InvalidType => "Invalid type",
            ErrKind::InvalidArity => "Invalid number of arguments",
            ErrKind::UndefinedPrefix => "Undefined namespace prefix",
        })
    }
}

/// A compile error: its kind and the character offset libxml2 reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompileError {
    pub kind: ErrKind,
    pub offset: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    Ancestor,
    AncestorOrSelf,
    Attribute,
    Child,
    Descendant,
    DescendantOrSelf,
    Following,
    FollowingSibling,
    Namespace,
    Parent,
    Preceding,
    PrecedingSibling,
    /// `self::`
    Own,
}

impl Axis {
    fn from_name(s: &str) -> Option<Axis> {
        Some(match s {
            "ancestor" => Axis::Ancestor,
            "ancestor-or-self" => Axis::AncestorOrSelf,
            "attribute" => Axis::Attribute,
            "child" => Axis::Child,
            "descendant" => Axis::Descendant,
            "descendant-or-self" => Axis::DescendantOrSelf,
            "following" => Axis::Following,
            "following-sibling" => Axis::FollowingSibling,
            "namespace" => Axis::Namespace,
            "parent" => Axis::Parent,
            "preceding" => Axis::Preceding,
            "preceding-sibling" => Axis::PrecedingSibling,
            "self" => Axis::Own,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// `*` or `prefix:*` (prefix kept for matching by name).
    Any(Option<String>),
    /// A QName.
    Name(String),
    Node,
    Text,
    Comment,
    Pi(Option<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub axis: Axis,
    pub test: Test,
    pub preds: Vec<Expr>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Union,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Bin(BinOp, Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
    Num(f64),
    Lit(String),
    Var(String),
    Call(String, Vec<Expr>),
    /// A primary expression with predicates.
    Filter(Box<Expr>, Vec<Expr>),
    /// A location path: from the root (`absolute`), the context node, or `base`'s nodes.
    Path {
        absolute: bool,
        base: Option<Box<Expr>>,
        steps: Vec<Step>,
    },
}

const NODE_TYPES: [&str; 4] = ["node", "text", "comment", "processing-instruction"];

struct P<'a> {
    s: &'a [char],
    i: usize,
}

type R<T> = Result<T, CompileError>;

fn is_name_start(c: char) -> bool {
    c.is_alphabetic() || c == '_' || (!c.is_ascii() && !c.is_whitespace())
}

fn is_name_char(c: char) -> bool {
    is_name_start(c) || c.is_ascii_digit() || c == '.' || c == '-'
}

impl P<'_> {
    fn cur(&self) -> char {
        self.s.get(self.i).copied().unwrap_or('\0')
    }
    fn at(&self, k: usize) -> char {
        self.s.get(self.i + k).copied().unwrap_or('\0')
    }
    fn blanks(&mut self) {
        while matches!(self.cur(), ' ' | '\t' | '\n' | '\r') {
            self.i += 1;
        }
    }
    fn err<T>(&self, kind: ErrKind) -> R<T> {
        Err(CompileError {
            kind,
            offset: self.i,
        })
    }
    /// An NCName at the cursor (not consumed).
    fn peek_ncname(&self, from: usize) -> Option<usize> {
        let c = self.s.get(from).copied()?;
        if !is_name_start(c) {
            return None;
        }
        let mut j = from + 1;
        while self.s.get(j).is_some_and(|c| is_name_char(*c)) {
            j += 1;
        }
        Some(j)
    }
    fn ncname(&mut self) -> Option<String> {
        let end = self.peek_ncname(self.i)?;
        let n: String = self.s[self.i..end].iter().collect();
        self.i = end;
        Some(n)
    }
    /// A QName (`prefix:local` or `local`); `prefix:*` returns `prefix:*`.
    fn qname(&mut self) -> Option<String> {
        let mut n = self.ncname()?;
        if self.cur() == ':' && self.at(1) != ':' {
            if self.at(1) == '*' {
                self.i += 2;
                n.push_str(":*");
            } else if let Some(end) = self.peek_ncname(self.i + 1) {
                let l: String = self.s[self.i + 1..end].iter().collect();
                self.i = end;
                n = format!("{n}:{l}");
            }
        }
        Some(n)
    }
    fn keyword(&mut self, w: &str) -> bool {
        let n = w.chars().count();
        let ok = self.s[self.i.min(self.s.len())..]
            .iter()
            .take(n)
            .copied()
            .eq(w.chars())
            && !self.s.get(self.i + n).is_some_and(|c| is_name_char(*c));
        if ok {
            self.i += n;
        }
        ok
    }

    fn expr(&mut self) -> R<Expr> {
        let mut l = self.and()?;
        loop {
            self.blanks();
            if !self.keyword("or") {
                return Ok(l);
            }
            self.blanks();
            let r = self.and()?;
            l = Expr::Bin(BinOp::Or, Box::new(l), Box::new(r));
        }
    }
    fn and(&mut self) -> R<Expr> {
        let mut l = self.equality()?;
        loop {
            self.blanks();
            if !self.keyword("and") {
                return Ok(l);
            }
            self.blanks();
            let r = self.equality()?;
            l = Expr::Bin(BinOp::And, Box::new(l), Box::new(r));
        }
    }
    fn equality(&mut self) -> R<Expr> {
        let mut l = self.relational()?;
        loop {
            self.blanks();
            let op = match (self.cur(), self.at(1)) {
                ('=', _) => (BinOp::Eq, 1),
                ('!', '=') => (BinOp::Ne, 2),
                _ => return Ok(l),
            };
            self.i += op.1;
            self.blanks();
            let r = self.relational()?;
            l = Expr::Bin(op.0, Box::new(l), Box::new(r));
        }
    }
    fn relational(&mut self) -> R<Expr> {
        let mut l = self.additive()?;
        loop {
            self.blanks();
            let op = match (self.cur(), self.at(1)) {
                ('<', '=') => (BinOp::Le, 2),
                ('<', _) => (BinOp::Lt, 1),
                ('>', '=') => (BinOp::Ge, 2),
                ('>', _) => (BinOp::Gt, 1),
                _ => return Ok(l),
            };
            self.i += op.1;
            self.blanks();
            let r = self.additive()?;
            l = Expr::Bin(op.0, Box::new(l), Box::new(r));
        }
    }
    fn additive(&mut self) -> R<Expr> {
        let mut l = self.multiplicative()?;
        loop {
            self.blanks();
            let op = match self.cur() {
                '+' => BinOp::Add,
                '-' => BinOp::Sub,
                _ => return Ok(l),
            };
            self.i += 1;
            self.blanks();
            let r = self.multiplicative()?;
            l = Expr::Bin(op, Box::new(l), Box::new(r));
        }
    }
    fn multiplicative(&mut self) -> R<Expr> {
        let mut l = self.unary()?;
        loop {
            self.blanks();
            let op = if self.cur() == '*' {
                self.i += 1;
                BinOp::Mul
            } else if self.keyword("div") {
                BinOp::Div
            } else if self.keyword("mod") {
                BinOp::Mod
            } else {
                return Ok(l);
            };
            self.blanks();
            let r = self.unary()?;
            l = Expr::Bin(op, Box::new(l), Box::new(r));
        }
    }
    fn unary(&mut self) -> R<Expr> {
        self.blanks();
        if self.cur() == '-' {
            self.i += 1;
            let e = self.unary()?;
            return Ok(Expr::Neg(Box::new(e)));
        }
        self.union()
    }
    fn union(&mut self) -> R<Expr> {
        let mut l = self.path()?;
        loop {
            self.blanks();
            if self.cur() != '|' {
                return Ok(l);
            }
            self.i += 1;
            self.blanks();
            let r = self.path()?;
            l = Expr::Bin(BinOp::Union, Box::new(l), Box::new(r));
        }
    }

    /// Whether the cursor starts a filter expression rather than a location path.
    fn is_filter_start(&self) -> bool {
        let c = self.cur();
        if c == '$' || c == '(' || c == '\'' || c == '"' || c.is_ascii_digit() {
            return true;
        }
        if c == '.' && self.at(1).is_ascii_digit() {
            return true;
        }
        let Some(mut j) = self.peek_ncname(self.i) else {
            return false;
        };
        let name: String = self.s[self.i..j].iter().collect();
        if self.s.get(j) == Some(&':') && self.s.get(j + 1) != Some(&':') {
            if let Some(e) = self.peek_ncname(j + 1) {
                j = e;
            }
        }
        while self.s.get(j).is_some_and(|c| c.is_whitespace()) {
            j += 1;
        }
        self.s.get(j) == Some(&'(') && !NODE_TYPES.contains(&name.as_str())
    }

    fn path(&mut self) -> R<Expr> {
        self.blanks();
        if self.is_filter_start() {
            let prim = self.primary()?;
            let mut preds = Vec::new();
            self.blanks();
            while self.cur() == '[' {
                preds.push(self.predicate()?);
                self.blanks();
            }
            let base = if preds.is_empty() {
                prim
            } else {
                Expr::Filter(Box::new(prim), preds)
            };
            if self.cur() != '/' {
                return Ok(base);
            }
            let steps = self.relative_steps(true)?;
            return Ok(Expr::Path {
                absolute: false,
                base: Some(Box::new(base)),
                steps,
            });
        }
        if self.cur() == '/' {
            let steps = self.relative_steps(true)?;
            return Ok(Expr::Path {
                absolute: true,
                base: None,
                steps,
            });
        }
        let steps = self.relative_steps(false)?;
        Ok(Expr::Path {
            absolute: false,
            base: None,
            steps,
        })
    }

    /// Steps separated by `/` or `//`; with `leading`, the cursor is on the first `/`
    /// and a lone `/` (the root) is allowed.
    fn relative_steps(&mut self, leading: bool) -> R<Vec<Step>> {
        let mut steps = Vec::new();
        let mut need = !leading;
        loop {
            self.blanks();
            if self.cur() == '/' {
                if need {
                    return self.err(ErrKind::InvalidExpression);
                }
                if self.at(1) == '/' {
                    self.i += 2;
                    steps.push(Step {
                        axis: Axis::DescendantOrSelf,
                        test: Test::Node,
                        preds: Vec::new(),
                    });
                    self.blanks();
                    steps.push(self.step()?);
                } else {
                    self.i += 1;
                    self.blanks();
                    if steps.is_empty() && leading && !self.starts_step() {
                        return Ok(steps);
                    }
                    steps.push(self.step()?);
                }
            } else if need {
                steps.push(self.step()?);
                need = false;
            } else {
                return Ok(steps);
            }
        }
    }

    fn starts_step(&self) -> bool {
        let c = self.cur();
        c == '.' || c == '@' || c == '*' || is_name_start(c)
    }

    fn step(&mut self) -> R<Step> {
        self.blanks();
        if self.cur() == '.' {
            let axis = if self.at(1) == '.' {
                self.i += 2;
                Axis::Parent
            } else {
                self.i += 1;
                Axis::Own
            };
            return Ok(Step {
                axis,
                test: Test::Node,
                preds: Vec::new(),
            });
        }
        let mut axis = Axis::Child;
        if self.cur() == '@' {
            self.i += 1;
            axis = Axis::Attribute;
        } else if let Some(end) = self.peek_ncname(self.i) {
            let mut j = end;
            while self.s.get(j).is_some_and(|c| c.is_whitespace()) {
                j += 1;
            }
            if self.s.get(j) == Some(&':') && self.s.get(j + 1) == Some(&':') {
                let name: String = self.s[self.i..end].iter().collect();
                match Axis::from_name(&name) {
                    Some(a) => axis = a,
                    None => {
                        // libxml2 reports the second ':'
                        self.i = j + 1;
                        return self.err(ErrKind::InvalidExpression);
                    }
                }
                self.i = j + 2;
            }
        }
        self.blanks();
        let test = self.node_test()?;
        let mut preds = Vec::new();
        self.blanks();
        while self.cur() == '[' {
            preds.push(self.predicate()?);
            self.blanks();
        }
        Ok(Step { axis, test, preds })
    }

    fn node_test(&mut self) -> R<Test> {
        if self.cur() == '*' {
            self.i += 1;
            return Ok(Test::Any(None));
        }
        let Some(name) = self.qname() else {
            return self.err(ErrKind::InvalidExpression);
        };
        if let Some(p) = name.strip_suffix(":*") {
            return Ok(Test::Any(Some(p.to_string())));
        }
        let save = self.i;
        self.blanks();
        if self.cur() == '(' && NODE_TYPES.contains(&name.as_str()) {
            self.i += 1;
            self.blanks();
            let mut target = None;
            if name == "processing-instruction" && matches!(self.cur(), '\'' | '"') {
                target = Some(self.literal()?);
                self.blanks();
            }
            if self.cur() != ')' {
                return self.err(ErrKind::Unclosed);
            }
            self.i += 1;
            return Ok(match name.as_str() {
                "node" => Test::Node,
                "text" => Test::Text,
                "comment" => Test::Comment,
                _ => Test::Pi(target),
            });
        }
        self.i = save;
        Ok(Test::Name(name))
    }

    fn predicate(&mut self) -> R<Expr> {
        self.i += 1;
        self.blanks();
        let e = self.expr()?;
        self.blanks();
        if self.cur() != ']' {
            return self.err(ErrKind::InvalidPredicate);
        }
        self.i += 1;
        Ok(e)
    }

    fn literal(&mut self) -> R<String> {
        let q = self.cur();
        self.i += 1;
        let start = self.i;
        while self.cur() != q {
            if self.i >= self.s.len() {
                return self.err(ErrKind::UnfinishedLiteral);
            }
            self.i += 1;
        }
        let v: String = self.s[start..self.i].iter().collect();
        self.i += 1;
        Ok(v)
    }

    fn number(&mut self) -> Expr {
        let start = self.i;
        while self.cur().is_ascii_digit() {
            self.i += 1;
        }
        if self.cur() == '.' {
            self.i += 1;
            while self.cur().is_ascii_digit() {
                self.i += 1;
            }
        }
        let t: String = self.s[start..self.i].iter().collect();
        Expr::Num(t.parse().unwrap_or(f64::NAN))
    }

    fn primary(&mut self) -> R<Expr> {
        match self.cur() {
            '$' => {
                self.i += 1;
                match self.qname() {
                    Some(n) => Ok(Expr::Var(n)),
                    None => self.err(ErrKind::InvalidExpression),
                }
            }
            '(' => {
                self.i += 1;
                self.blanks();
                let e = self.expr()?;
                self.blanks();
                if self.cur() != ')' {
                    return self.err(ErrKind::InvalidExpression);
                }
                self.i += 1;
                Ok(e)
            }
            '\'' | '"' => Ok(Expr::Lit(self.literal()?)),
            c if c.is_ascii_digit() || c == '.' => Ok(self.number()),
            _ => {
                let Some(name) = self.qname() else {
                    return self.err(ErrKind::InvalidExpression);
                };
                self.blanks();
                // the cursor is on '(' (is_filter_start checked it)
                self.i += 1;
                self.blanks();
                let mut args = Vec::new();
                if self.cur() == ')' {
                    self.i += 1;
                    return Ok(Expr::Call(name, args));
                }
                // like libxml2, a call left open at the end of the input is complete
                while self.i < self.s.len() {
                    args.push(self.expr()?);
                    self.blanks();
                    if self.cur() == ')' {
                        self.i += 1;
                        break;
                    }
                    if self.cur() != ',' {
                        return self.err(ErrKind::InvalidExpression);
                    }
                    self.i += 1;
                    self.blanks();
                }
                Ok(Expr::Call(name, args))
            }
        }
    }
}

/// Compiles `src` (`xmlXPathCompiledEval`'s compile half).
pub fn compile(src: &str) -> Result<Expr, CompileError> {
    let chars: Vec<char> = src.chars().collect();
    let mut p = P { s: &chars, i: 0 };
    let e = p.expr()?;
    p.blanks();
    if p.i < chars.len() {
        return p.err(ErrKind::InvalidExpression);
    }
    Ok(e)
}

#[cfg(test)]
mod tests {
    use super::{compile, ErrKind};

    #[test]
    fn compiles_paths_and_operators() {
        for e in [
            "/domain/name",
            "//disk[@type='file']/target/@dev",
            "(//address)[2]/@slot",
            "count(//disk) > 1 and name(/*) = 'domain'",
            "/",
            "..",
            "//text()[contains(.,'x')]",
            "child::a/descendant-or-self::node()",
            "-1 div 0 mod 3",
            "//a | //b",
        ] {
            assert!(compile(e).is_ok(), "{e}");
        }
    }

    #[test]
    fn reports_libxml2_errors() {
        let k = |e: &str| compile(e).map(|_| ()).map_err(|e| (e.kind, e.offset));
        assert_eq!(k("/domain/["), Err((ErrKind::InvalidExpression, 8)));
        assert_eq!(k("/domain/name]"), Err((ErrKind::InvalidExpression, 12)));
        assert_eq!(k("//name[1"), Err((ErrKind::InvalidPredicate, 8)));
        assert_eq!(k("'abc"), Err((ErrKind::UnfinishedLiteral, 4)));
        assert_eq!(k("//name/text("), Err((ErrKind::Unclosed, 12)));
        assert_eq!(k("/domain/bogus::x"), Err((ErrKind::InvalidExpression, 14)));
        assert!(k("foo(").is_ok());
    }
}
